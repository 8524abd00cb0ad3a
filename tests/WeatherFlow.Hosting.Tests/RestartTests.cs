using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_process_that_exits_with_an_error_is_reported_and_restarted()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        await using var host = new TestAppHost();
        host.Builder.AddExecutable("crasher", "sh", ".", "-c", "echo started; exit 3");

        await host.App.StartAsync(timeout.Token);
        var restarted = await host.App.ResourceNotifications.WaitForResourceAsync("crasher",
            e => e.Snapshot.RestartCount >= 2, timeout.Token);

        Assert.Equal(3, restarted.Snapshot.ExitCode);
        Assert.True(host.App.GetResourceLogs("crasher").Count(line => line == "started") >= 2);
    }

    [Fact]
    public async Task A_killed_project_replica_is_restarted_as_a_new_process()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        await using var host = new TestAppHost();
        host.Builder.AddProject<Projects.WeatherFlow_Web>("web");
        await host.App.StartAsync(timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceAsync("web", KnownResourceStates.Running, timeout.Token);
        var crashed = Assert.Single(host.App.GetProcessIds("web"));

        Orchestration.PosixSignals.Send(crashed, Orchestration.PosixSignals.SIGKILL);

        var exited = await host.App.ResourceNotifications.WaitForResourceAsync("web", e => e.Snapshot.RestartCount == 1, timeout.Token);
        Assert.Equal(128 + Orchestration.PosixSignals.SIGKILL, exited.Snapshot.ExitCode);
        await host.App.ResourceNotifications.WaitForResourceAsync("web",
            e => e.Snapshot.State == KnownResourceStates.Running && host.App.GetProcessIds("web") is [var pid] && pid != crashed, timeout.Token);
    }
}
