using System.Net;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

[Collection(CompositionCollection.Name)]
public sealed class ExperimentCancellationTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task Cancel_stops_a_running_experiment_and_frees_its_trainer()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.StartAsync(ExperimentRequests.Minutes(seed: 1202), timeout.Token);
        await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);

        using var response = await experiments.CancelAsync(id, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var final = await experiments.WaitForFinalStateAsync(id, timeout.Token);
        Assert.Equal(("cancelled", "cancelled"), (final.Name, final.Status));

        // The trainer itself says the run stopped (it checks between batches), well before the minutes it would take.
        await WaitForTrainerLogAsync($"Experiment {id} was cancelled", timeout.Token);
        using var again = await experiments.CancelAsync(id, timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Delete_of_a_running_experiment_stops_its_trainer_and_removes_it()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.StartAsync(ExperimentRequests.Minutes(seed: 1201), timeout.Token);
        await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);

        using var response = await experiments.DeleteAsync(id, timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await WaitForTrainerLogAsync($"Experiment {id} was cancelled", timeout.Token);
        foreach (var path in (string[])["", "/metrics", "/result", "/events"])
        {
            using var gone = await _api.GetAsync($"{ExperimentsClient.Path}/{id}{path}", timeout.Token);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        using var again = await experiments.DeleteAsync(id, timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private Task WaitForTrainerLogAsync(string text, CancellationToken ct) =>
        composition.App.WaitForLogLineAsync(CompositionResources.Trainer, line => line.Contains(text, StringComparison.Ordinal), ct);
}
