using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Composition;

/// <summary>
/// The AppHost as <c>./eng/run.sh</c> runs it: <c>dotnet run</c> in run mode with its launch profile, so with the
/// dashboard on its fixed port, stopped by SIGTERM as Ctrl+C or a service manager would. Only the state folder is
/// the test's own. It uses the developer's fixed ports, so it cannot run beside <c>./eng/run.sh</c>.
/// </summary>
public sealed partial class AppHostRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _dashboardLogin = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _web = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostRun(string stateDirectory, ITestOutputHelper output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--no-build", "--project", Projects.WeatherFlow_AppHost.ProjectPath, "--", $"AppHost:StateDirectory={stateDirectory}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Read(line.Data, output);
        _process.ErrorDataReceived += (_, line) => Read(line.Data, output);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// Every process of the run: <c>dotnet run</c> and the AppHost under it, and DCP, which leaves the AppHost's
    /// process tree to outlive it and clean up, with all it started (servers, dashboard, projects).
    /// </summary>
    public IReadOnlyList<int> ProcessIds()
    {
        var appHost = ProcessInspection.Descendants([_process.Id]);
        var dcp = ProcessInspection.All().Where(pid => Monitored(ProcessInspection.CommandLine(pid)) is { } monitored && appHost.Contains(monitored));
        return ProcessInspection.Descendants([.. appHost, .. dcp]);
    }

    /// <summary>The dashboard's login link, with its browser token, as the AppHost prints it.</summary>
    public Task<Uri> DashboardLoginAsync => _dashboardLogin.Task;

    /// <summary>The web's address, printed once it is healthy.</summary>
    public Task<Uri> WebAsync => _web.Task;

    public static AppHostRun Start(string stateDirectory, ITestOutputHelper output) => new(stateDirectory, output);

    /// <summary>The process a <c>dcp … --monitor &lt;pid&gt;</c> command line watches.</summary>
    private static int? Monitored(string[] commandLine) =>
        Array.IndexOf(commandLine, "--monitor") is var at and >= 0 && at + 1 < commandLine.Length && int.TryParse(commandLine[at + 1], out var pid)
            ? pid
            : null;

    /// <summary>Sends SIGTERM and waits for the AppHost to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var timeout = TestTimeout.Requests();
            try
            {
                await StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    private void Read(string? line, ITestOutputHelper output)
    {
        if (line is null)
        {
            var exited = new InvalidOperationException("The AppHost exited before it printed its addresses.");
            _dashboardLogin.TrySetException(exited);
            _web.TrySetException(exited);
            return;
        }
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has ended; xUnit takes no more output, and the AppHost's last lines are not needed.
        }
        if (line.Contains("Hosting failed to start", StringComparison.Ordinal))
        {
            var failed = new InvalidOperationException($"The AppHost failed to start: {line}");
            _dashboardLogin.TrySetException(failed);
            _web.TrySetException(failed);
        }
        else if (DashboardLoginLine().Match(line) is { Success: true } login)
        {
            _dashboardLogin.TrySetResult(new Uri(login.Groups[1].Value));
        }
        else if (WebReadyLine().Match(line) is { Success: true } web)
        {
            _web.TrySetResult(new Uri(web.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    private static partial Regex DashboardLoginLine();

    [GeneratedRegex($@"{CompositionResources.Web} is ready at (\S+)")]
    private static partial Regex WebReadyLine();

    private const int SigTerm = 15;

    // .NET can send only SIGKILL to another process; a graceful stop needs SIGTERM.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
