namespace WeatherFlow.ApiBenchmarks;

/// <summary>Command line: <c>[--url http://api] [--connections 64] [--duration 10] [--runs 20]</c>.</summary>
public sealed record BenchmarkSettings(Uri? ApiUrl, int Connections, TimeSpan Duration, TimeSpan WarmUp, int Runs)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new(
            Value("--url") is { } url ? new Uri(url) : null,
            int.Parse(Value("--connections") ?? "64"),
            TimeSpan.FromSeconds(double.Parse(Value("--duration") ?? "10")),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "5")),
            int.Parse(Value("--runs") ?? "20"));
    }
}
