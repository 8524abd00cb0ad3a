namespace WeatherFlow.Benchmarks;

/// <summary>The process's peak resident set (VmHWM), which counts libtorch's native allocations that the GC cannot see.</summary>
internal static class PeakMemory
{
    public static double Megabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
