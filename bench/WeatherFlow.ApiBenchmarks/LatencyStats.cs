namespace WeatherFlow.ApiBenchmarks;

/// <summary>Throughput and latency percentiles of one measured series.</summary>
public sealed record LatencyStats(int Count, int Errors, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Count / Elapsed.TotalSeconds;

    public static LatencyStats From(List<double> millis, int errors, TimeSpan elapsed)
    {
        millis.Sort();
        return new(millis.Count, errors, elapsed, Percentile(millis, 0.50), Percentile(millis, 0.95), Percentile(millis, 0.99), millis.Count == 0 ? 0 : millis[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
