using System.Net;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Submitting experiments through the api of the shared composition: the contract's synchronous answer,
/// the asynchronous job with its event stream, and the result cache.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentSubmissionTests(CompositionFixture composition)
{
    /// <summary>The contract's keys in its order, then WeatherFlow's documented addition for every run, the evaluation.</summary>
    private static readonly string[] ContractResultKeys =
        ["experimentId", "config", "channelNames", "metrics", "validation", "datasetSummary", "prediction", "lodPreview", "simulationSummary", "execution", "evaluation"];

    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task Contract_small_request_is_answered_synchronously_with_a_contract_shaped_result()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);

        using var response = await experiments.SubmitAsync(ExperimentRequests.ContractSmall, respondAsync: false, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal(ContractResultKeys, result.EnumerateObject().Select(p => p.Name));
        var dataset = result.GetProperty("config").GetProperty("dataset");
        Assert.Equal(16, dataset.GetProperty("gridSize").GetProperty("lat").GetInt32());
        Assert.Equal(JsonValueKind.Null, dataset.GetProperty("webdatasetPattern").ValueKind);
        Assert.Equal(96, result.GetProperty("config").GetProperty("model").GetProperty("hiddenDim").GetInt32());
        Assert.Equal(new[] { "t@500" }, result.GetProperty("channelNames").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, Assert.Single(result.GetProperty("metrics").GetProperty("train").EnumerateArray()).GetProperty("epoch").GetInt32());
        Assert.True(Assert.Single(result.GetProperty("validation").GetProperty("metrics").EnumerateArray()).TryGetProperty("val_loss", out _));
        Assert.Equal(new[] { 1, 16, 32 }, result.GetProperty("datasetSummary").GetProperty("sampleShape").EnumerateArray().Select(n => n.GetInt32()));
        var prediction = result.GetProperty("prediction");
        Assert.Equal(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }, prediction.GetProperty("times").EnumerateArray().Select(t => t.GetDouble()));
        var channel = Assert.Single(prediction.GetProperty("channels").EnumerateArray());
        Assert.Equal(16, channel.GetProperty("initial").GetArrayLength());
        Assert.Equal(32, channel.GetProperty("initial")[0].GetArrayLength());
        Assert.Equal(5, channel.GetProperty("trajectory").GetArrayLength());
        Assert.Equal(317, result.GetProperty("lodPreview").GetProperty("tiles").GetArrayLength());

        // The synchronous answer is also a stored job.
        var id = ExperimentsClient.IdOf(response.Content.Headers.ContentLocation);
        Assert.Equal(id.ToString(), result.GetProperty("experimentId").GetString());
        var job = await experiments.GetJobAsync(id, timeout.Token);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(result.GetProperty("metrics").GetRawText(), job.GetProperty("result").GetProperty("metrics").GetRawText());
    }

    [Fact]
    public async Task Respond_async_answers_202_streams_progress_to_the_final_state_and_stores_the_result()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);

        using var response = await experiments.SubmitAsync(ExperimentRequests.Seconds(seed: 1101), respondAsync: true, timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("respond-async", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        var id = ExperimentsClient.IdOf(response.Headers.Location);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal(id, accepted.GetProperty("id").GetGuid());
        Assert.Equal("queued", accepted.GetProperty("status").GetString());

        var events = new List<ServerSentEvent>();
        await foreach (var sse in experiments.EventsAsync(id, timeout.Token))
        {
            events.Add(sse);
        }
        Assert.Equal("completed", events[^1].Name);
        Assert.Equal(100, events[^1].Progress);
        Assert.Contains(events, e => e is { Name: "progress", Status: "running", Progress: > 0 and < 100 } && e.CurrentStep!.StartsWith("epoch", StringComparison.Ordinal));
        Assert.Equal(events.Select(e => e.Progress).Order(), events.Select(e => e.Progress));
        Assert.All(events[..^1], e => Assert.Equal("progress", e.Name));

        var job = await experiments.GetJobAsync(id, timeout.Token);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetDouble());
        Assert.True(job.GetProperty("startedAt").GetDateTimeOffset() <= job.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.False(job.GetProperty("fromCache").GetBoolean());
        var result = job.GetProperty("result");
        Assert.Equal(id.ToString(), result.GetProperty("experimentId").GetString());
        Assert.Equal(3, result.GetProperty("metrics").GetProperty("train").GetArrayLength());
        Assert.Equal(result.GetRawText(), JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}/{id}/result", timeout.Token)).RootElement.GetRawText());

        // The per-epoch table holds the same losses as the result document.
        var epochs = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}/{id}/metrics", timeout.Token)).RootElement;
        Assert.Equal([1, 2, 3], epochs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(
            result.GetProperty("validation").GetProperty("metrics").EnumerateArray().Select(v => v.GetProperty("val_loss").GetDouble()),
            epochs.EnumerateArray().Select(e => e.GetProperty("valLoss").GetDouble()));
        Assert.Equal(
            result.GetProperty("metrics").GetProperty("train").EnumerateArray().Select(t => t.GetProperty("loss").GetDouble()),
            epochs.EnumerateArray().Select(e => e.GetProperty("loss").GetDouble()));
    }

    [Fact]
    public async Task Waiting_request_whose_limit_runs_out_answers_202_and_the_experiment_goes_on()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        using var request = new HttpRequestMessage(HttpMethod.Post, ExperimentsClient.Path)
        {
            Content = new StringContent(ExperimentRequests.Minutes(seed: 1103), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Prefer", "wait=1");

        using var response = await _api.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = ExperimentsClient.IdOf(response.Headers.Location);
        var running = await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);
        Assert.Equal("progress", running.Name);
        using var cancel = await experiments.CancelAsync(id, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }

    [Fact]
    public async Task Repeated_config_is_answered_from_the_cache_without_a_trainer_running_it()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var config = ExperimentRequests.Tiny(seed: 1102);

        using var trained = await experiments.SubmitAsync(config, respondAsync: false, timeout.Token);
        using var repeated = await experiments.SubmitAsync(config, respondAsync: false, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal("WeatherFlow; fwd=miss", Assert.Single(trained.Headers.GetValues("Cache-Status")));
        Assert.Equal("WeatherFlow; hit", Assert.Single(repeated.Headers.GetValues("Cache-Status")));
        var trainedId = ExperimentsClient.IdOf(trained.Content.Headers.ContentLocation);
        var repeatedId = ExperimentsClient.IdOf(repeated.Content.Headers.ContentLocation);
        Assert.NotEqual(trainedId, repeatedId);
        var trainedResult = await trained.Content.ReadAsStringAsync(timeout.Token);
        var repeatedResult = await repeated.Content.ReadAsStringAsync(timeout.Token);
        Assert.Equal(trainedResult.Replace(trainedId.ToString(), "id"), repeatedResult.Replace(repeatedId.ToString(), "id"));

        var job = await experiments.GetJobAsync(repeatedId, timeout.Token);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.True(job.GetProperty("fromCache").GetBoolean());
        Assert.Equal(0, job.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("trainerInstance").ValueKind);

        using var repeatedAsync = await experiments.SubmitAsync(config, respondAsync: true, timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, repeatedAsync.StatusCode);
        var accepted = JsonDocument.Parse(await repeatedAsync.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal("completed", accepted.GetProperty("status").GetString());
        Assert.True(accepted.GetProperty("fromCache").GetBoolean());
    }
}
