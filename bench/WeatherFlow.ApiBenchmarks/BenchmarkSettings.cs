namespace WeatherFlow.ApiBenchmarks;

/// <summary>Command line: <c>[--url http://api] [--connections 64,8] [--duration 10] [--warmup 5] [--runs 20]
/// [--client raw|httpclient|both]</c>. Each load runs once per connection count: 64 saturates the api (its maximum
/// throughput, with 64 requests queued on two cores), 8 is a load the api serves without a queue.
/// <c>--history [--experiments 10000] [--requests 200] [--db "Host=…"]</c> measures the history queries instead
/// (<see cref="HistoryBenchmark"/>); with <c>--url</c> it needs <c>--db</c>, the api's database, to seed.
/// <c>--models [--runs 20]</c> measures stored models per backbone instead (<see cref="ModelBenchmark"/>).
/// <c>--datasets</c> measures dataset uploads and training on the storm episode instead (<see cref="DatasetBenchmark"/>).
/// <c>--token wf_…</c> is an admin's personal access token for <c>--url</c> (lists and predictions need an account);
/// the composition started here makes its own.</summary>
public sealed record BenchmarkSettings(
    Uri? ApiUrl, IReadOnlyList<int> Connections, TimeSpan Duration, TimeSpan WarmUp, int Runs, IReadOnlyList<LoadClient> Clients,
    bool History, int Experiments, int Requests, string? Database, bool Models, string? Token, bool Datasets)
{
    /// <summary>A client of the api that sends <see cref="Token"/>, if there is one.</summary>
    public HttpClient CreateClient(Uri api, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        if (Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        }
        return client;
    }

    public static BenchmarkSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new(
            Value("--url") is { } url ? new Uri(url) : null,
            [.. (Value("--connections") ?? "64,8").Split(',').Select(int.Parse)],
            TimeSpan.FromSeconds(double.Parse(Value("--duration") ?? "10")),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "5")),
            int.Parse(Value("--runs") ?? "20"),
            (Value("--client") ?? "both") switch
            {
                "raw" => [LoadClient.Raw],
                "httpclient" => [LoadClient.HttpClient],
                _ => [LoadClient.Raw, LoadClient.HttpClient],
            },
            args.Contains("--history"),
            int.Parse(Value("--experiments") ?? "10000"),
            int.Parse(Value("--requests") ?? "200"),
            Value("--db"),
            args.Contains("--models"),
            Value("--token"),
            args.Contains("--datasets"));
    }
}
