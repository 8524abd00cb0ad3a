using System.Diagnostics;
using System.Text.Json;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Tests.Browser;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;
using static WeatherFlow.Tests.Infrastructure.CompositionResources;

namespace WeatherFlow.Tests.Composition;

/// <summary>
/// The whole system as a developer runs it with <c>./eng/run.sh</c>: the dashboard shows every resource Running,
/// SIGTERM stops every process, and the next run finishes the experiment the stop interrupted. The dashboard's
/// screenshot is left in <c>bin/…/TestResults/Browser/dashboard.png</c>.
/// </summary>
[Collection(CompositionLifecycleCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class RunModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_shows_every_resource_running_and_a_restart_finishes_the_experiment_a_stop_interrupted()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        using var api = new HttpClient { BaseAddress = LaunchProfileAddress(new Projects.WeatherFlow_Api().ProjectPath) };
        var experiments = new ExperimentsClient(api);

        Guid id;
        var started = Stopwatch.StartNew();
        await using (var run = AppHostRun.Start(state.FullName, output))
        {
            var login = await run.DashboardLoginAsync.WaitAsync(ct);
            await run.WebAsync.WaitAsync(ct);
            output.WriteLine($"start: the web was ready after {started.Elapsed.TotalSeconds:F1} s (no build, empty state folder)");
            Assert.Equal("localhost", login.Host);
            Assert.True(login.Port < 32768);
            await DashboardShowsTheRunningSystemAsync(login, experiments, ct);

            var listeners = ProcessInspection.ListeningEndpoints(run.ProcessIds());
            Assert.Contains(listeners, listener => listener.Port == login.Port);
            Assert.All(listeners, listener => Assert.True(System.Net.IPAddress.IsLoopback(listener.Address), $"{listener} is not on loopback"));

            id = await experiments.StartAsync(ExperimentRequests.TenSeconds(seed: 2601), ct);
            await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, ct);
            await StopsCompletelyAsync(run, ct);
        }

        await using (var run = AppHostRun.Start(state.FullName, output))
        {
            await run.WebAsync.WaitAsync(ct);
            await experiments.WaitForCompletionAsync(id, ct);
            Assert.Equal(1, (await experiments.GetJobAsync(id, ct)).GetProperty("attempts").GetInt32());
        }
        state.Delete(recursive: true);
    }

    /// <summary>
    /// Logs in with the printed link: every resource is Running; an experiment's trace spans the api and the trainer
    /// that ran it, whose structured log and run-time histogram are there too.
    /// </summary>
    private async Task DashboardShowsTheRunningSystemAsync(Uri login, ExperimentsClient experiments, CancellationToken ct)
    {
        await using var dashboard = await AspireDashboard.LogInAsync(login);
        string[] everyResourceRunning = [.. ((string[])[Postgres, WeatherDb, Cache, Messaging, MessagingEpmd, Blobs, Api, $"{Trainer}-*", $"{Trainer}-*", Web])
            .Select(name => $"{name} {KnownResourceStates.Running}").Order()];
        var shown = await dashboard.WaitForResourcesAsync(everyResourceRunning, Trainer, ct);
        await dashboard.ScreenshotAsync(Screenshots.PathOf("dashboard.png"));
        Assert.Equal(everyResourceRunning, shown);

        // One trace from the api's POST through RabbitMQ to the trainer's run, as the dashboard shows it.
        using var completed = await experiments.SubmitAsync(ExperimentRequests.Tiny(seed: 2602), respondAsync: false, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, completed.StatusCode);
        var trace = await dashboard.WaitForRowAsync("/traces", row => row.Contains("POST", StringComparison.Ordinal)
            && row.Contains($"{Api} ", StringComparison.Ordinal) && row.Contains($"{Trainer}-", StringComparison.Ordinal), ct);
        await dashboard.ScreenshotAsync(Screenshots.PathOf("dashboard-traces.png"));
        Assert.NotNull(trace);
        output.WriteLine($"dashboard trace: {trace}");

        // The replica that ran it logged the run and exported the experiment counters and run-time histogram.
        var trainer = System.Text.RegularExpressions.Regex.Match(trace, $@"{Trainer}-\w+").Value;
        var log = await dashboard.WaitForRowAsync("/structuredlogs", row => row.Contains(trainer, StringComparison.Ordinal)
            && row.Contains("completed in", StringComparison.Ordinal), ct);
        Assert.NotNull(log);
        Assert.True(await dashboard.WaitForTextAsync(
            $"/metrics/resource/{trainer}?meter={ExperimentTelemetryName.Value}&instrument=weatherflow.experiments.run_time", "Wall time of experiment runs", ct));
        await dashboard.ScreenshotAsync(Screenshots.PathOf("dashboard-metrics.png"));
    }

    /// <summary>SIGTERM, as Ctrl+C or a service manager sends: every process of the run is gone soon after.</summary>
    private async Task StopsCompletelyAsync(AppHostRun run, CancellationToken ct)
    {
        var processes = run.ProcessIds();
        var stopped = Stopwatch.StartNew();
        await run.StopAsync(ct);
        var exited = stopped.Elapsed;
        while (processes.Any(ProcessInspection.IsAlive) && stopped.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100, ct);
        }
        output.WriteLine($"SIGTERM: the AppHost exited after {exited.TotalSeconds:F1} s, its {processes.Count} processes were gone after {stopped.Elapsed.TotalSeconds:F1} s");
        Assert.All(processes, pid => Assert.False(ProcessInspection.IsAlive(pid), $"process {pid} is still alive"));
    }

    private static Uri LaunchProfileAddress(string projectPath)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json")));
        return new Uri(settings.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!);
    }
}
