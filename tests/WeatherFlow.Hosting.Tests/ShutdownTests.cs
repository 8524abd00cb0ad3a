using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_while_servers_are_still_starting_leaves_no_process_behind()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        var host = new TestAppHost();
        await using (host)
        {
            host.Builder.AddPostgres("postgres");
            host.Builder.AddRabbitMQ("messaging");
            await host.App.StartAsync(timeout.Token);
            // The broker takes seconds to boot: it is launched but not yet healthy here.
            await host.App.ResourceNotifications.WaitForResourceAsync("messaging", KnownResourceStates.Running, timeout.Token);
            var leaders = host.App.GetProcessIds("messaging").Concat(host.App.GetProcessIds("postgres")).ToList();
            var processIds = ProcessInspection.InGroups(leaders);
            Assert.Superset(leaders.ToHashSet(), processIds.ToHashSet());

            await host.App.StopAsync(timeout.Token);

            Assert.All(processIds, pid => Assert.False(ProcessInspection.IsAlive(pid), $"process {pid} is still alive"));
            Assert.Null(host.App.ResourceNotifications.GetSnapshot("messaging")?.HealthStatus);
        }
    }
}
