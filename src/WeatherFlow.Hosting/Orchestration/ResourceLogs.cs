using System.Collections.Concurrent;

namespace WeatherFlow.Hosting;

/// <summary>
/// Every output line of every resource, prefixed with its instance name on the console and kept (the latest lines)
/// per resource for tests and diagnostics.
/// </summary>
public sealed class ResourceLogs(bool echoToConsole)
{
    private const int LinesKept = 2000;
    private readonly ConcurrentDictionary<string, Queue<string>> _lines = new();
    private readonly Lock _consoleGate = new();

    public IReadOnlyList<string> GetLines(string instanceOrResourceName)
    {
        var lines = new List<string>();
        foreach (var (instance, queue) in _lines)
        {
            if (instance == instanceOrResourceName || instance.StartsWith(instanceOrResourceName + "-", StringComparison.Ordinal))
            {
                lock (queue)
                {
                    lines.AddRange(queue);
                }
            }
        }
        return lines;
    }

    internal void Write(string instanceName, string? line)
    {
        if (line is null)
        {
            return;
        }
        var queue = _lines.GetOrAdd(instanceName, _ => new Queue<string>());
        lock (queue)
        {
            queue.Enqueue(line);
            if (queue.Count > LinesKept)
            {
                queue.Dequeue();
            }
        }
        if (echoToConsole)
        {
            lock (_consoleGate)
            {
                Console.Out.WriteLine($"{instanceName,-16}| {line}");
            }
        }
    }
}
