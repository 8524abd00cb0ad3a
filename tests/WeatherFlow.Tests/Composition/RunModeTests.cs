using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
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
public sealed class RunModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_shows_every_resource_running_and_a_restart_finishes_the_experiment_a_stop_interrupted()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        using var api = new HttpClient { BaseAddress = LaunchProfileAddress(new Projects.WeatherFlow_Api().ProjectPath) };
        var experiments = new ExperimentsClient(api);

        Guid id;
        await using (var run = AppHostRun.Start(state.FullName, output))
        {
            var login = await run.DashboardLoginAsync.WaitAsync(ct);
            await run.WebAsync.WaitAsync(ct);
            Assert.Equal("localhost", login.Host);
            Assert.True(login.Port < 32768);
            await DashboardShowsEveryResourceRunningAsync(login, ct);

            id = await experiments.StartAsync(ExperimentRequests.TenSeconds(seed: 2601), ct);
            await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, ct);
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

        await using (var run = AppHostRun.Start(state.FullName, output))
        {
            await run.WebAsync.WaitAsync(ct);
            Assert.Equal("completed", (await experiments.WaitForFinalStateAsync(id, ct)).Status);
            Assert.Equal(1, (await experiments.GetJobAsync(id, ct)).GetProperty("attempts").GetInt32());
        }
        state.Delete(recursive: true);
    }

    /// <summary>Logs in with the printed link and reads the resources grid until every resource is Running.</summary>
    private async Task DashboardShowsEveryResourceRunningAsync(Uri login, CancellationToken ct)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var driver = playwright;
        await using var chromium = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        await page.GotoAsync(login.ToString());

        string[] expected = [.. ((string[])[Postgres, WeatherDb, Cache, Messaging, MessagingEpmd, Api, $"{Trainer}-*", $"{Trainer}-*", Web])
            .Select(name => $"{name} {KnownResourceStates.Running}").Order()];
        string[] states = [];
        for (var look = Stopwatch.StartNew(); look.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(500, ct))
        {
            // Each row reads "name state start-time source urls"; replicas are named trainer-<suffix>.
            var rows = await page.GetByRole(AriaRole.Row).EvaluateAllAsync<string[]>("rows => rows.slice(1).map(row => row.innerText.trim().split(/\\s+/).slice(0, 2).join(' '))");
            states = [.. rows.Select(row => row.StartsWith($"{Trainer}-", StringComparison.Ordinal) ? $"{Trainer}-* {row.Split(' ')[^1]}" : row).Order()];
            if (states.SequenceEqual(expected))
            {
                break;
            }
        }
        output.WriteLine($"dashboard: {string.Join(", ", states)}");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("dashboard.png"), FullPage = true });
        Assert.Equal(expected, states);
    }

    private static Uri LaunchProfileAddress(string projectPath)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json")));
        return new Uri(settings.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!);
    }

    private static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "Browser");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
