using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>Times the experiment flow end to end through the api: dispatch to a trainer and cached answers.</summary>
public sealed class ExperimentProbe(HttpClient api)
{
    private const string RespondAsync = "respond-async";

    /// <summary>A config that trains in about a second on one core; the seeds make it unique (not in the cache).</summary>
    public static string TinyConfig(int trainingSeed, int simulationSeed, int trainSamples = 8) =>
        $$$"""
        {"dataset":{"variables":["t"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":8},"trainSamples":{{{trainSamples}}},"valSamples":4},
         "model":{"backbone":"grid","hiddenDim":32,"nLayers":1,"useAttention":false},
         "training":{"epochs":1,"batchSize":2,"seed":{{{trainingSeed}}},"rolloutSteps":2},
         "simulation":{"seed":{{{simulationSeed}}}}}
        """;

    public static string UniqueTinyConfig(int trainSamples = 8) =>
        TinyConfig(Random.Shared.Next(0, 10_001), Random.Shared.Next(0, 100_001), trainSamples);

    /// <summary>Submits and waits for the result (the contract's synchronous POST); returns the experiment's id.</summary>
    public async Task<Guid> RunToCompletionAsync(string config)
    {
        using var response = await api.PostAsync("/api/experiments", Json(config));
        response.EnsureSuccessStatusCode();
        return IdFrom(response.Content.Headers.ContentLocation ?? response.Headers.Location);
    }

    /// <summary>
    /// From sending <c>POST</c> (respond-async) to seeing the experiment <c>running</c> on its event stream, as a
    /// client sees it, and the server's own <c>startedAt − submittedAt</c>. Each run is cancelled once it started,
    /// so the trainers are idle for the next one.
    /// </summary>
    public async Task<(LatencyStats Accepted, LatencyStats Observed, LatencyStats Server)> MeasureDispatchAsync(int runs)
    {
        var acceptedAfter = new List<double>();
        var observed = new List<double>();
        var server = new List<double>();
        var clock = Stopwatch.StartNew();
        // The first run is a warm-up: it pays for the first training run's start-up in the trainer.
        for (var run = -1; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments") { Content = Json(UniqueTinyConfig(trainSamples: 256)) };
            request.Headers.Add("Prefer", RespondAsync);
            using var response = await api.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var accepted = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var id = IdFrom(response.Headers.Location);
            await WaitForStatusAsync(id, status => status != "queued");
            var running = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            using var cancel = await api.DeleteAsync($"/api/experiments/{id}");
            var job = await api.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
            if (run >= 0 && job.GetProperty("startedAt").ValueKind == JsonValueKind.String)
            {
                acceptedAfter.Add(accepted);
                observed.Add(running);
                server.Add((job.GetProperty("startedAt").GetDateTimeOffset() - job.GetProperty("submittedAt").GetDateTimeOffset()).TotalMilliseconds);
            }
            // Let the trainer stop before the next submission, so each one measures an idle trainer.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        return (LatencyStats.From(acceptedAfter, 0, clock.Elapsed), LatencyStats.From(observed, 0, clock.Elapsed), LatencyStats.From(server, 0, clock.Elapsed));
    }

    /// <summary>Synchronous POSTs of a config whose result is cached: each must say <c>Cache-Status: … hit</c>.</summary>
    public async Task<LatencyStats> MeasureCachedAsync(string config, int runs)
    {
        var millis = new List<double>();
        var misses = 0;
        var clock = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await api.PostAsync("/api/experiments", Json(config));
            await response.Content.ReadAsByteArrayAsync();
            millis.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var hit = response.Headers.TryGetValues("Cache-Status", out var values) && values.Any(v => v.EndsWith("; hit", StringComparison.Ordinal));
            misses += response.IsSuccessStatusCode && hit ? 0 : 1;
        }
        return LatencyStats.From(millis, misses, clock.Elapsed);
    }

    private async Task WaitForStatusAsync(Guid id, Func<string, bool> reached)
    {
        await using var stream = await api.GetStreamAsync($"/api/experiments/{id}/events");
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal)
                && reached(JsonDocument.Parse(line.AsMemory(5)).RootElement.GetProperty("status").GetString()!))
            {
                return;
            }
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Guid IdFrom(Uri? location) =>
        Guid.Parse(location?.OriginalString.Split('/')[^1] ?? throw new InvalidOperationException("The api gave no experiment location."));
}
