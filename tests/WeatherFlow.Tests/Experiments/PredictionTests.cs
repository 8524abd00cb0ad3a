using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Forecasts asked of a run's stored model, answered by the trainer pool; identical ones from the store.</summary>
[Collection(CompositionCollection.Name)]
public sealed class PredictionTests(CompositionFixture composition)
{
    private static readonly SemaphoreSlim RunLock = new(1, 1);
    private static Guid? _run;

    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task A_new_seed_is_forecast_by_a_trainer_and_the_same_request_is_then_answered_from_the_store()
    {
        var run = await RunAsync();
        using var timeout = TestTimeout.Runs();

        using var asked = await PostAsync(run, """{"seed": 5, "timeSteps": 4}""");
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("WeatherFlow; fwd=miss", string.Join(",", asked.Headers.GetValues("Cache-Status")));
        var location = asked.Headers.Location!;
        var prediction = await WaitForFinalAsync(location, timeout.Token);

        Assert.Equal("completed", prediction.Status + prediction.Error);
        var forecast = prediction.Forecast!;
        Assert.Equal(4, forecast.Times.Count);
        var channel = Assert.Single(forecast.Channels);
        Assert.Equal("t@500", channel.Name);
        Assert.Equal(4, channel.Trajectory.Count);
        Assert.All(channel.Trajectory, step => Assert.Equal((8, 8), (step.Data.Count, step.Data[0].Count)));
        Assert.NotNull(channel.Target);
        Assert.True(channel.Rmse > 0 && channel.BaselineRmse > 0);
        Assert.Equal(1 - channel.Rmse!.Value / channel.BaselineRmse!.Value, channel.Skill!.Value, 1e-9);
        var original = (await _api.GetFromJsonAsync<ExperimentResult>($"{ExperimentsClient.Path}/{run}/result", ExperimentJson.Options, timeout.Token))!;
        Assert.NotEqual(original.Prediction.Channels[0].Initial, channel.Initial);

        using var again = await PostAsync(run, """{"timeSteps": 4, "seed": 5}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("WeatherFlow; hit", string.Join(",", again.Headers.GetValues("Cache-Status")));
        var answered = (await again.Content.ReadFromJsonAsync<PredictionJob>(ExperimentJson.Options, timeout.Token))!;
        Assert.Equal(prediction.Id, answered.Id);
        Assert.Equal(prediction.FinishedAt, answered.FinishedAt);

        using var finished = await _api.PostAsync($"{location}/cancel", null, timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
    }

    [Fact]
    public async Task Supplied_fields_are_forecast_without_scores()
    {
        var run = await RunAsync();
        using var timeout = TestTimeout.Runs();
        var original = (await _api.GetFromJsonAsync<ExperimentResult>($"{ExperimentsClient.Path}/{run}/result", ExperimentJson.Options, timeout.Token))!;
        var initial = JsonSerializer.Serialize(original.Prediction.Channels.Select(c => c.Initial));

        using var asked = await PostAsync(run, $$"""{"initial": {{initial}}, "solverMethod": "rk4"}""");
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var prediction = await WaitForFinalAsync(asked.Headers.Location!, timeout.Token);

        Assert.Equal("completed", prediction.Status + prediction.Error);
        var channel = Assert.Single(prediction.Forecast!.Channels);
        Assert.Equal(original.Prediction.Channels[0].Initial, channel.Initial);
        Assert.Null(channel.Target);
        Assert.Null(channel.Skill);
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { """{"initial": [[[1, 2]]]}""", "initial", "initial[0] must be an array of 8 latitude rows" },
        { $$"""{"initial": [{{string.Join(",", Enumerable.Repeat(Field(8, 8), 2))}}]}""", "initial", "initial must be an array of 1 channel fields" },
        { $$"""{"initial": [{{Field(8, 8).Replace("[0,0,0,0,0,0,0,0]]", "[0,0,0,0,0,0,0,\"NaN\"]]")}}]}""", "initial", "initial[0][7][7] must be a finite number; got \"NaN\"" },
        { $$"""{"initial": [{{Field(8, 8).Replace("[[0,", "[[1e39,")}}]}""", "initial", "initial[0][0][0] must be a finite number; got 1e39" },
        { """{"seed": -1}""", "seed", "seed must be a whole number from 0" },
        { """{"seed": "5"}""", "seed", "seed must be a whole number" },
        { """{"timeSteps": 40}""", "timeSteps", "timeSteps must be a whole number from 3 to 12" },
        { """{"solverMethod": "euler"}""", "solverMethod", "solverMethod must be one of" },
        { """{"seed": 5, "steps": 4}""", "steps", "'steps' is not a field of a prediction request" },
        { """[5]""", "body", "The body must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_gets_a_400_naming_the_field_and_the_problem(string body, string field, string message)
    {
        var run = await RunAsync();

        using var response = await PostAsync(run, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Bodies_that_are_not_json_too_large_or_about_no_model_get_a_4xx_problem()
    {
        var run = await RunAsync();

        using var nan = await PostAsync(run, """{"initial": [[[NaN]]]}""");
        using var large = await PostAsync(run, $$"""{"seed": 5, "pad": "{{new string('x', 1024 * 1024)}}"}""");
        using var unknown = await PostAsync(Guid.CreateVersion7(), """{"seed": 5}""");
        using var text = await _api.PostAsync($"{ExperimentsClient.Path}/{run}/predictions", new StringContent("""{"seed": 5}""", Encoding.UTF8, "text/plain"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotFound, HttpStatusCode.UnsupportedMediaType),
            (nan.StatusCode, large.StatusCode, unknown.StatusCode, text.StatusCode));
        Assert.Contains("not JSON", await nan.Content.ReadAsStringAsync());
        Assert.All(new[] { nan, large, unknown, text }, response => Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Predictions_whose_command_or_trainer_was_lost_are_sent_again_and_answered()
    {
        var run = await RunAsync();
        using var timeout = TestTimeout.Runs();
        var (lost, abandoned) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var database = NpgsqlDataSource.Create((await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb))!);
        await using (var insert = database.CreateCommand("""
            INSERT INTO "ExperimentPredictions" ("Id", "ExperimentId", "RequestHash", "Request", "Status", "SubmittedAt", "DispatchedAt", "HeartbeatAt", "RunId", "Attempts")
            VALUES ($1, $3, 'lost-' || $1::text, '{"seed": 77, "initial": null, "timeSteps": 3, "solverMethod": "rk4"}', 'queued', now(), NULL, NULL, NULL, 0),
                   ($2, $3, 'abandoned-' || $2::text, '{"seed": 78, "initial": null, "timeSteps": 3, "solverMethod": "rk4"}', 'running',
                    now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', gen_random_uuid(), 1)
            """))
        {
            insert.Parameters.AddWithValue(lost);
            insert.Parameters.AddWithValue(abandoned);
            insert.Parameters.AddWithValue(run);
            await insert.ExecuteNonQueryAsync(timeout.Token);
        }

        // Never sent (the api died after storing it), and held by a trainer that stopped sending heartbeats an hour ago.
        var answered = await WaitForFinalAsync(new Uri($"{ExperimentsClient.Path}/{run}/predictions/{lost}", UriKind.Relative), timeout.Token);
        var takenOver = await WaitForFinalAsync(new Uri($"{ExperimentsClient.Path}/{run}/predictions/{abandoned}", UriKind.Relative), timeout.Token);

        Assert.Equal("completed", answered.Status + answered.Error);
        Assert.Equal(3, answered.Forecast!.Times.Count);
        Assert.Equal("completed", takenOver.Status + takenOver.Error);
        Assert.Equal(3, takenOver.Forecast!.Times.Count);
    }

    private static string Field(int lat, int lon) => $"[{string.Join(",", Enumerable.Repeat($"[{string.Join(",", Enumerable.Repeat("0", lon))}]", lat))}]";

    private Task<HttpResponseMessage> PostAsync(Guid run, string body) =>
        _api.PostAsync($"{ExperimentsClient.Path}/{run}/predictions", new StringContent(body, Encoding.UTF8, "application/json"));

    private Task<PredictionJob> WaitForFinalAsync(Uri location, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            async ct => (await _api.GetFromJsonAsync<PredictionJob>(location, ExperimentJson.Options, ct))!,
            prediction => prediction.Status is not ("queued" or "running"), cancellationToken);

    /// <summary>One small completed run whose model every test of this class asks.</summary>
    private async Task<Guid> RunAsync()
    {
        await RunLock.WaitAsync();
        try
        {
            if (_run is null)
            {
                using var timeout = TestTimeout.Runs();
                var experiments = new ExperimentsClient(_api);
                var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1701), timeout.Token);
                _run = id;
            }
            return _run.Value;
        }
        finally
        {
            RunLock.Release();
        }
    }
}
