using System.Diagnostics;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>Which load generator sends the requests.</summary>
public enum LoadClient
{
    /// <summary><see cref="HttpClient"/> over one <see cref="SocketsHttpHandler"/> pool, as a .NET caller would.</summary>
    HttpClient,

    /// <summary><see cref="RawHttpConnection"/>s, like wrk: the least CPU taken from the api.</summary>
    Raw,
}

/// <summary>
/// A closed-loop loopback load: <c>connections</c> workers, each on its own keep-alive connection, send GET requests
/// back to back for a warm-up and then for the measured duration; every response body is read in full.
/// </summary>
public sealed class LoadTest(Uri baseAddress, int connections, TimeSpan warmUp, TimeSpan duration)
{
    /// <summary>Load for the warm-up time only, unmeasured: a fresh api is still compiling its hot paths.</summary>
    public Task WarmUpAsync(string path) => MeasureAsync(path, LoadClient.HttpClient, measure: false);

    public async Task<LatencyStats> RunAsync(string path, LoadClient client) => (await MeasureAsync(path, client, measure: true))!;

    private async Task<LatencyStats?> MeasureAsync(string path, LoadClient client, bool measure)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false };
        using var httpClient = new HttpClient(handler) { BaseAddress = baseAddress };
        var raw = client == LoadClient.Raw
            ? await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => RawHttpConnection.OpenAsync(baseAddress, path)))
            : [];
        try
        {
            Func<Task<bool>> Requester(int worker) => client == LoadClient.Raw
                ? async () => await raw[worker].GetAsync() == 200
                : async () =>
                {
                    using var response = await httpClient.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    return response.IsSuccessStatusCode;
                };
            var requesters = Enumerable.Range(0, connections).Select(Requester).ToArray();
            await RunWorkersAsync(requesters, warmUp, record: null);
            if (!measure)
            {
                return null;
            }
            var latencies = new List<double>[connections];
            var errors = new int[connections];
            var clock = Stopwatch.StartNew();
            await RunWorkersAsync(requesters, duration, (worker, millis, ok) =>
            {
                (latencies[worker] ??= new List<double>(100_000)).Add(millis);
                errors[worker] += ok ? 0 : 1;
            });
            var elapsed = clock.Elapsed;
            return LatencyStats.From([.. latencies.Where(l => l is not null).SelectMany(l => l)], errors.Sum(), elapsed);
        }
        finally
        {
            foreach (var connection in raw)
            {
                connection.Dispose();
            }
        }
    }

    private static Task RunWorkersAsync(Func<Task<bool>>[] requesters, TimeSpan length, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(requesters.Select((request, worker) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request();
                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }
}
