using System.Diagnostics;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// A child process started as the leader of its own session and process group (<c>setsid</c>), so that stopping it
/// also stops everything it spawned, and so that the terminal's Ctrl+C reaches only the AppHost, which then stops
/// the children in dependency order.
/// </summary>
internal sealed class ManagedProcess
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;

    private ManagedProcess(Process process, ProcessSpec spec)
    {
        _process = process;
        _spec = spec;
        Id = process.Id;
        Exited = WaitForExitCodeAsync();
    }

    public int Id { get; }

    public string InstanceName => _spec.InstanceName;

    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public static ManagedProcess Start(ProcessSpec spec, ResourceLogs logs)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (spec.RunAsUser is { } user)
        {
            foreach (var argument in (string[])["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => logs.Write(spec.InstanceName, e.Data);
        process.ErrorDataReceived += (_, e) => logs.Write(spec.InstanceName, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process, spec);
    }

    /// <summary>Asks the leader to stop, waits, then kills the whole group so that nothing it spawned survives.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (!HasExited)
        {
            PosixSignals.Send(Id, _spec.StopSignal);
            await Task.WhenAny(Exited, Task.Delay(timeout ?? _spec.StopTimeout));
        }
        PosixSignals.Send(-Id, PosixSignals.SIGKILL);
        if (!HasExited)
        {
            PosixSignals.Send(Id, PosixSignals.SIGKILL);
        }
        await Exited;
        await WaitForGroupToVanishAsync();
    }

    /// <summary>SIGKILL is delivered asynchronously: wait (briefly) until no member of the group is left.</summary>
    private async Task WaitForGroupToVanishAsync()
    {
        for (var attempt = 0; attempt < 40 && PosixSignals.Send(-Id, 0); attempt++)
        {
            PosixSignals.Send(-Id, PosixSignals.SIGKILL);
            await Task.Delay(50);
        }
    }

    private async Task<int> WaitForExitCodeAsync()
    {
        await _process.WaitForExitAsync();
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return exitCode;
    }
}
