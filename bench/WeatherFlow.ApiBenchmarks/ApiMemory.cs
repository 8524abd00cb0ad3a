namespace WeatherFlow.ApiBenchmarks;

/// <summary>The api's resident memory (VmRSS of the WeatherFlow.Api process, from /proc), sampled every 20 ms while watched.</summary>
public sealed class ApiMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> peak;

    private ApiMemory(int pid)
    {
        Before = Rss(pid);
        peak = Task.Run(async () =>
        {
            var highest = Before;
            while (!stop.IsCancellationRequested)
            {
                highest = Math.Max(highest, Rss(pid));
                await Task.Delay(20);
            }
            return highest;
        });
    }

    public long Before { get; }

    public static ApiMemory Watch() => new(ApiProcessId());

    public async Task<(long Before, long Peak)> StopAsync()
    {
        await stop.CancelAsync();
        return (Before, await peak);
    }

    public void Dispose() => stop.Dispose();

    private static int ApiProcessId() => Directory.EnumerateDirectories("/proc")
        .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
        .Where(pid => pid > 0)
        .First(pid => ReadOrEmpty($"/proc/{pid}/cmdline").Contains("WeatherFlow.Api.dll", StringComparison.Ordinal)
            || ReadOrEmpty($"/proc/{pid}/comm").StartsWith("WeatherFlow.Api", StringComparison.Ordinal));

    private static long Rss(int pid) =>
        ReadOrEmpty($"/proc/{pid}/status").Split('\n').FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024
            : 0;

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
