using System.Diagnostics;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// A closed-loop loopback load: <c>connections</c> workers, each with its own connection, send GET requests back to
/// back for a warm-up and then for the measured duration; every response body is read in full.
/// </summary>
public sealed class LoadTest(Uri baseAddress, int connections, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<LatencyStats> RunAsync(string path)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var uri = new Uri(path, UriKind.Relative);

        await RunWorkersAsync(client, uri, warmUp, record: null);
        var latencies = new List<double>[connections];
        var errors = new int[connections];
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(client, uri, duration, (worker, millis, ok) =>
        {
            (latencies[worker] ??= new List<double>(100_000)).Add(millis);
            if (!ok)
            {
                errors[worker]++;
            }
        });
        var elapsed = clock.Elapsed;
        return LatencyStats.From([.. latencies.Where(l => l is not null).SelectMany(l => l)], errors.Sum(), elapsed);
    }

    private async Task RunWorkersAsync(HttpClient client, Uri uri, TimeSpan length, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var scratch = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(scratch) > 0)
                {
                }
                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
            }
        })));
    }
}
