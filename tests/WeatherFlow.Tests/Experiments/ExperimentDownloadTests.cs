using System.Globalization;
using System.Net;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>A finished run taken away (its result and metrics as files) and run again from its config.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentDownloadTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();
    private readonly HttpClient _web = composition.CreateWebClient();

    [Fact]
    public async Task A_finished_runs_result_and_metrics_download_as_json_and_csv_and_it_can_be_run_again_from_its_config()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1401, epochs: 2), timeout.Token);

        var metrics = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}/{id}/metrics", timeout.Token)).RootElement;
        using var csv = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/metrics.csv", timeout.Token);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync(timeout.Token)).TrimEnd('\n').Split('\n');
        Assert.Equal("epoch,loss,flowLoss,divergenceLoss,rolloutLoss,energyDiff,valLoss,valFlowLoss,valDivergenceLoss,valRolloutLoss,valEnergyDiff", rows[0]);
        Assert.Equal(2, rows.Length - 1);
        foreach (var (row, epoch) in rows.Skip(1).Zip(metrics.EnumerateArray()))
        {
            var cells = row.Split(',');
            Assert.Equal(epoch.GetProperty("epoch").GetInt32(), int.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(epoch.GetProperty("loss").GetDouble(), double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(epoch.GetProperty("valLoss").GetDouble(), double.Parse(cells[6], CultureInfo.InvariantCulture));
        }

        using var webCsv = await _web.GetAsync($"/experiments/{id}/metrics.csv", timeout.Token);
        Assert.Equal($"experiment-{id}-metrics.csv", webCsv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(string.Join('\n', rows) + "\n", await webCsv.Content.ReadAsStringAsync(timeout.Token));
        using var webResult = await _web.GetAsync($"/experiments/{id}/result.json", timeout.Token);
        Assert.Equal(("application/json", $"experiment-{id}-result.json"), (webResult.Content.Headers.ContentType?.MediaType, webResult.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal(await _api.GetStringAsync($"{ExperimentsClient.Path}/{id}/result", timeout.Token), await webResult.Content.ReadAsStringAsync(timeout.Token));
        using var unknown = await _web.GetAsync($"/experiments/{Guid.NewGuid()}/metrics.csv", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var form = await _web.GetStringAsync($"/experiments/new?from={id}", timeout.Token);
        Assert.Contains($"href=\"/experiments/{id}\"", form);
        Assert.Contains("id=\"Form_Seed\" name=\"Form.Seed\" value=\"1401\"", form);
        Assert.Contains("id=\"Form_Epochs\" name=\"Form.Epochs\" value=\"2\"", form);
        Assert.Contains("<option selected=\"selected\" value=\"8x8\">", form);
    }
}
