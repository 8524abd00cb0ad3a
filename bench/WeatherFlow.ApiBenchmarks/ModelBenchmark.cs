using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// Stored models per backbone: trains one small run of each through the api, reports its model's size and download
/// time, then times uncached predictions (sent to a trainer through RabbitMQ, polled until completed) and cached ones
/// (an earlier request again, answered by the api from the store). Prints Markdown.
/// </summary>
public static class ModelBenchmark
{
    private static readonly string[] Backbones = ["grid", "icosahedral"];

    // Fine enough to add little to a prediction of a few hundred milliseconds; the poll interval is part of the time.
    private static readonly TimeSpan PredictionPoll = TimeSpan.FromMilliseconds(20);

    // A run trains for seconds and every GET carries its whole result, so polling it as often would only load the api.
    private static readonly TimeSpan TrainingPoll = TimeSpan.FromMilliseconds(250);

    // There are two trainer replicas: the first predictions pay for JIT and first allocations, not for the model.
    private const int WarmUpPredictions = 2;

    // Above the largest training seed, so no prediction asks for the run's own start (which repeats its forecast).
    private const int FirstPredictionSeed = 10_001;

    public static async Task RunAsync(Uri api, BenchmarkSettings settings, TextWriter output)
    {
        using var client = settings.CreateClient(api);
        // From the clock, so no earlier run of this benchmark left these configs (or their predictions) in the cache.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (trainingSeed, simulationSeed) = ((int)(now % 10_001), (int)(now / 10_001 % 100_001));
        output.WriteLine($"api {api}, {Environment.ProcessorCount} cores; training seed {trainingSeed}, simulation seed {simulationSeed}; {settings.Runs} measured predictions of each kind per backbone after {WarmUpPredictions} unmeasured");

        var models = new List<string>();
        var timings = new List<(string Backbone, string Name, LatencyStats Stats)>();
        foreach (var backbone in Backbones)
        {
            var (id, trainedSeconds) = await TrainAsync(client, Config(backbone, trainingSeed, simulationSeed));
            var metadata = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/model/metadata");
            var (download, downloadedBytes) = await MeasureDownloadAsync(client, id, settings.Runs);
            models.Add($"| {backbone} | {id} | {trainedSeconds:0.0} | {metadata.GetProperty("parameters").GetInt64():N0} | {metadata.GetProperty("sizeBytes").GetInt64():N0} | {downloadedBytes:N0} |");

            var (observed, server, cachedRequest) = await MeasureUncachedAsync(client, id, settings.Runs);
            var (cached, cachedBytes) = await MeasureCachedAsync(client, id, cachedRequest, settings.Runs);
            timings.Add((backbone, "uncached: POST → poll sees completed (client)", observed));
            timings.Add((backbone, "uncached: finishedAt − submittedAt (server)", server));
            timings.Add((backbone, $"cached: POST → 200 hit, {cachedBytes:N0} B body read", cached));
            timings.Add((backbone, $"GET …/model, {downloadedBytes:N0} B read", download));
        }

        output.WriteLine();
        output.WriteLine("| backbone | experiment | trained in s | parameters | metadata sizeBytes | downloaded bytes |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        models.ForEach(output.WriteLine);
        output.WriteLine();
        output.WriteLine("| backbone | measurement | n | errors | p50 ms | p95 ms | max ms |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (backbone, name, stats) in timings)
        {
            output.WriteLine($"| {backbone} | {name} | {stats.Count} | {stats.Errors} | {stats.P50Ms:0.00} | {stats.P95Ms:0.00} | {stats.MaxMs:0.00} |");
        }
    }

    private static string Config(string backbone, int trainingSeed, int simulationSeed) =>
        $$$"""
        {"dataset":{"variables":["t","z"],"pressureLevels":[500],"gridSize":{"lat":16,"lon":32},"trainSamples":16,"valSamples":4},
         "model":{"backbone":"{{{backbone}}}","hiddenDim":64},
         "training":{"epochs":2,"batchSize":4,"seed":{{{trainingSeed}}}},
         "simulation":{"seed":{{{simulationSeed}}}}}
        """;

    /// <summary>Submits the run asynchronously and polls it until it completed; returns its id and training time.</summary>
    private static async Task<(Guid Id, double TrainedSeconds)> TrainAsync(HttpClient client, string config)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments") { Content = Json(config) };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The api answered {(int)response.StatusCode}, not 202, to a new run: {await response.Content.ReadAsStringAsync()}");
        }
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("The api gave no experiment location.");
        var job = await PollAsync(client, location, TrainingPoll, TimeSpan.FromMinutes(10));
        if (job.GetProperty("status").GetString() != "completed")
        {
            throw new InvalidOperationException($"Run {location} ended {job.GetProperty("status")}: {job.GetProperty("error")}");
        }
        return (job.GetProperty("id").GetGuid(), Between(job, "startedAt", "finishedAt") / 1000);
    }

    private static async Task<(LatencyStats Stats, long Bytes)> MeasureDownloadAsync(HttpClient client, Guid id, int runs)
    {
        var millis = new List<double>(runs);
        var errors = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/experiments/{id}/model");
            bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            millis.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            errors += response.IsSuccessStatusCode ? 0 : 1;
        }
        return (LatencyStats.From(millis, errors, clock.Elapsed), bytes);
    }

    /// <summary>
    /// One new seed at a time, from sending <c>POST</c> to reading the poll's answer that says <c>completed</c>, and the
    /// server's <c>finishedAt − submittedAt</c>; returns the first measured request for the cached series to repeat.
    /// </summary>
    private static async Task<(LatencyStats Observed, LatencyStats Server, string Request)> MeasureUncachedAsync(HttpClient client, Guid id, int runs)
    {
        var observed = new List<double>(runs);
        var server = new List<double>(runs);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var run = -WarmUpPredictions; run < runs; run++)
        {
            var body = $$"""{"seed":{{FirstPredictionSeed + WarmUpPredictions + run}}}""";
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/api/experiments/{id}/predictions", Json(body));
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"The api answered {(int)response.StatusCode}, not 202, to a new prediction: {await response.Content.ReadAsStringAsync()}");
            }
            var job = await PollAsync(client, response.Headers.Location!.OriginalString, PredictionPoll, TimeSpan.FromMinutes(2));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (run < 0)
            {
                continue;
            }
            if (job.GetProperty("status").GetString() == "completed")
            {
                observed.Add(elapsed);
                server.Add(Between(job, "submittedAt", "finishedAt"));
            }
            else
            {
                errors++;
            }
        }
        return (LatencyStats.From(observed, errors, clock.Elapsed), LatencyStats.From(server, errors, clock.Elapsed),
            $$"""{"seed":{{FirstPredictionSeed + WarmUpPredictions}}}""");
    }

    /// <summary>The same request again: each answer must be a 200 saying <c>Cache-Status: … hit</c>.</summary>
    private static async Task<(LatencyStats Stats, long Bytes)> MeasureCachedAsync(HttpClient client, Guid id, string request, int runs)
    {
        var millis = new List<double>(runs);
        var misses = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/api/experiments/{id}/predictions", Json(request));
            bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            millis.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var hit = response.Headers.TryGetValues("Cache-Status", out var values) && values.Any(v => v.EndsWith("; hit", StringComparison.Ordinal));
            misses += response.StatusCode == HttpStatusCode.OK && hit ? 0 : 1;
        }
        return (LatencyStats.From(millis, misses, clock.Elapsed), bytes);
    }

    /// <summary>GETs the job until it is final; the time limit keeps a lost job from hanging the benchmark.</summary>
    private static async Task<JsonElement> PollAsync(HttpClient client, string location, TimeSpan interval, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location, deadline.Token);
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled")
            {
                return job;
            }
            await Task.Delay(interval, deadline.Token);
        }
    }

    private static double Between(JsonElement job, string from, string to) =>
        (job.GetProperty(to).GetDateTimeOffset() - job.GetProperty(from).GetDateTimeOffset()).TotalMilliseconds;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
