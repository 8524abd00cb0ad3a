namespace WeatherFlow.Tests.Infrastructure;

/// <summary>What Linux's /proc knows about the processes an app started, for tests that check none is left behind.</summary>
public static class ProcessInspection
{
    public static IReadOnlyDictionary<string, string> Environment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

    /// <summary>Alive unless gone or a zombie waiting for its parent to reap it.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { } fields && fields[0] is not ("Z" or "X");

    /// <summary>Every descendant of the given processes, found through their parent ids.</summary>
    public static IReadOnlyList<int> Descendants(IReadOnlyCollection<int> roots)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: Stat(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : 0))
            .ToList();
        var found = new HashSet<int>(roots);
        for (var grew = true; grew;)
        {
            var next = parents.Where(p => found.Contains(p.Parent) && !found.Contains(p.Pid)).Select(p => p.Pid).ToList();
            found.UnionWith(next);
            grew = next.Count > 0;
        }
        return [.. found];
    }

    /// <summary>The fields after the command name: state, parent, process group, …</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }
}
