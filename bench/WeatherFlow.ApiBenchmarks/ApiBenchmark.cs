namespace WeatherFlow.ApiBenchmarks;

/// <summary>The measurements, in order, against one api; prints a Markdown table.</summary>
public static class ApiBenchmark
{
    public static async Task RunAsync(Uri api, BenchmarkSettings settings, TextWriter output)
    {
        // Anonymous, as the reference's clients call: their runs are read back by id, which needs no token, so the
        // raw load connections measure the same requests.
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        var probe = new ExperimentProbe(client);
        output.WriteLine($"api {api}, {Environment.ProcessorCount} cores, {string.Join(" and ", settings.Connections)} connections, {settings.Duration.TotalSeconds:0} s per load");

        var cachedConfig = ExperimentProbe.UniqueTinyConfig();
        var completed = await probe.RunToCompletionAsync(cachedConfig);
        var loads = new List<(string Name, LatencyStats Stats)>();
        foreach (var connections in settings.Connections)
        {
            var load = new LoadTest(api, connections, settings.WarmUp, settings.Duration);
            await load.WarmUpAsync("/api/health");
            await load.WarmUpAsync($"/api/experiments/{completed}");
            foreach (var loadClient in settings.Clients)
            {
                var setup = $"{loadClient}, {connections} conn.";
                loads.Add(($"GET /api/health ({setup})", await load.RunAsync("/api/health", loadClient)));
                loads.Add(($"GET /api/experiments/{{id}} completed ({setup})", await load.RunAsync($"/api/experiments/{completed}", loadClient)));
            }
        }
        var (accepted, dispatchObserved, dispatchServer) = await probe.MeasureDispatchAsync(settings.Runs);
        var cached = await probe.MeasureCachedAsync(cachedConfig, settings.Runs * 5);

        output.WriteLine();
        output.WriteLine("| measurement | n | errors | req/s | p50 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, stats) in loads)
        {
            Row(output, name, stats, throughput: true);
        }
        Row(output, "POST async → 202 Accepted", accepted, throughput: false);
        Row(output, "POST async → running on SSE (client)", dispatchObserved, throughput: false);
        Row(output, "POST async → startedAt − submittedAt (server)", dispatchServer, throughput: false);
        Row(output, "POST cached config → full result", cached, throughput: false);
    }

    private static void Row(TextWriter output, string name, LatencyStats stats, bool throughput) =>
        output.WriteLine($"| {name} | {stats.Count} | {stats.Errors} | {(throughput ? stats.RequestsPerSecond.ToString("0") : "–")} | {stats.P50Ms:0.00} | {stats.P99Ms:0.00} | {stats.MaxMs:0.00} |");
}
