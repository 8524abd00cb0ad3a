namespace WeatherFlow.ApiBenchmarks;

/// <summary>Command line: <c>[--url http://api] [--connections 64] [--duration 10] [--warmup 5] [--runs 20]
/// [--client raw|httpclient|both]</c>.</summary>
public sealed record BenchmarkSettings(Uri? ApiUrl, int Connections, TimeSpan Duration, TimeSpan WarmUp, int Runs, IReadOnlyList<LoadClient> Clients)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new(
            Value("--url") is { } url ? new Uri(url) : null,
            int.Parse(Value("--connections") ?? "64"),
            TimeSpan.FromSeconds(double.Parse(Value("--duration") ?? "10")),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "5")),
            int.Parse(Value("--runs") ?? "20"),
            (Value("--client") ?? "both") switch
            {
                "raw" => [LoadClient.Raw],
                "httpclient" => [LoadClient.HttpClient],
                _ => [LoadClient.Raw, LoadClient.HttpClient],
            });
    }
}
