using System.Net;

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

    public static IEnumerable<int> All() => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Select(name => int.TryParse(name, out var pid) ? pid : 0)
        .Where(pid => pid > 0);

    /// <summary>The process's arguments, its program first; empty once it is gone.</summary>
    public static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return [];
        }
    }

    /// <summary>Every descendant of the given processes, found through their parent ids.</summary>
    public static IReadOnlyList<int> Descendants(IReadOnlyCollection<int> roots)
    {
        var parents = All()
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

    /// <summary>The TCP sockets the given processes listen on, read from /proc/net/tcp{,6} and their open files.</summary>
    public static IReadOnlyList<IPEndPoint> ListeningEndpoints(IEnumerable<int> pids)
    {
        var inodes = pids.SelectMany(SocketInodes).ToHashSet();
        return [.. ((string[])["/proc/net/tcp", "/proc/net/tcp6"])
            .SelectMany(File.ReadLines)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[3] == ListenState && inodes.Contains(fields[9]))
            .Select(fields => ParseEndpoint(fields[1]))];
    }

    private const string ListenState = "0A";

    private static IEnumerable<string> SocketInodes(int pid)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .OfType<string>()
                .Where(target => target.StartsWith("socket:[", StringComparison.Ordinal))
                .Select(target => target["socket:[".Length..^1])];
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    /// <summary>/proc/net/tcp writes an address as hex of its bytes in host order, 32 bits at a time, then the port.</summary>
    private static IPEndPoint ParseEndpoint(string field)
    {
        var (address, port) = (field[..field.IndexOf(':')], field[(field.IndexOf(':') + 1)..]);
        var bytes = Enumerable.Range(0, address.Length / 8)
            .SelectMany(word => BitConverter.GetBytes(Convert.ToUInt32(address.Substring(word * 8, 8), 16)))
            .ToArray();
        return new IPEndPoint(new IPAddress(bytes), Convert.ToInt32(port, 16));
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
