using System.Diagnostics;
using System.Globalization;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Kills every child process group if the AppHost dies without stopping them (kill -9, a crash). Linux's
/// PR_SET_PDEATHSIG is not reachable from .NET's process start, so a tiny shell in its own session polls the
/// AppHost and, once it is gone, kills the groups listed in a file the AppHost keeps current.
/// </summary>
internal sealed class ProcessWatchdog : IDisposable
{
    private const string Script =
        "while kill -0 \"$APPHOST_PID\" 2>/dev/null; do sleep 1; done; " +
        "[ -f \"$GROUPS_FILE\" ] && for g in $(cat \"$GROUPS_FILE\"); do kill -9 \"-$g\" 2>/dev/null; done; " +
        "rm -f \"$GROUPS_FILE\"";

    private readonly Process _shell;
    private readonly Timer _timer;
    private readonly string _groupsFile;
    private string _written = "";
    private bool _disposed;

    private ProcessWatchdog(Process shell, string groupsFile, Func<IEnumerable<int>> processGroups)
    {
        _shell = shell;
        _groupsFile = groupsFile;
        _timer = new Timer(_ => Record(processGroups), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    public static ProcessWatchdog Start(AppHostState state, Func<IEnumerable<int>> processGroups)
    {
        var groupsFile = Path.Combine(state.Directory, $"process-groups-{Environment.ProcessId}");
        var startInfo = new ProcessStartInfo("setsid", ["sh", "-c", Script]) { UseShellExecute = false, RedirectStandardInput = true };
        startInfo.Environment["APPHOST_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["GROUPS_FILE"] = groupsFile;
        return new ProcessWatchdog(Process.Start(startInfo)!, groupsFile, processGroups);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _timer.Dispose();
        PosixSignals.Send(-_shell.Id, PosixSignals.SIGKILL);
        _shell.WaitForExit();
        _shell.Dispose();
        File.Delete(_groupsFile);
    }

    private void Record(Func<IEnumerable<int>> processGroups)
    {
        var content = string.Join('\n', processGroups().Order());
        if (content == _written)
        {
            return;
        }
        try
        {
            File.WriteAllText(_groupsFile, content);
            _written = content;
        }
        catch (IOException)
        {
            // Retried on the next tick; an exception escaping a timer callback would take the AppHost down.
        }
    }
}
