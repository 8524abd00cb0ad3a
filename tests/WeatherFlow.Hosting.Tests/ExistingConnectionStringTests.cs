using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

public sealed class ExistingConnectionStringTests
{
    [Fact]
    public async Task A_configured_connection_string_is_used_instead_of_starting_a_server()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        await using var existing = new TestAppHost();
        existing.Builder.AddRedis("cache");
        await existing.App.StartAsync(timeout.Token);
        await existing.App.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
        var connectionString = await existing.App.GetConnectionStringAsync("cache", timeout.Token);

        await using var host = new TestAppHost($"--ConnectionStrings:cache={connectionString}");
        var cache = host.Builder.AddRedis("cache");
        host.Builder.AddExecutable("consumer", "sh", ".", "-c", "echo \"cache=$ConnectionStrings__cache\"; exec sleep 60")
            .WithReference(cache).WaitFor(cache);
        await host.App.StartAsync(timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("consumer", timeout.Token);

        Assert.Empty(host.App.GetProcessIds("cache"));
        Assert.Equal(connectionString, await host.App.GetConnectionStringAsync("cache", timeout.Token));
        await Poll.UntilAsync(() => host.App.GetResourceLogs("consumer").Contains($"cache={connectionString}"), timeout.Token);
    }

    [Fact]
    public async Task A_configured_database_connection_string_means_no_Postgres_server_is_started()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        await using var existing = new TestAppHost();
        existing.Builder.AddPostgres("postgres").AddDatabase("weatherdb");
        await existing.App.StartAsync(timeout.Token);
        await existing.App.ResourceNotifications.WaitForResourceHealthyAsync("weatherdb", timeout.Token);
        var connectionString = await existing.App.GetConnectionStringAsync("weatherdb", timeout.Token);

        await using var host = new TestAppHost($"--ConnectionStrings:weatherdb={connectionString}");
        host.Builder.AddPostgres("postgres").AddDatabase("weatherdb");
        await host.App.StartAsync(timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("weatherdb", timeout.Token);

        Assert.Empty(host.App.GetProcessIds("postgres"));
        Assert.Equal(KnownResourceStates.NotStarted, host.App.ResourceNotifications.GetSnapshot("postgres")?.State);
        Assert.Equal(connectionString, await host.App.GetConnectionStringAsync("weatherdb", timeout.Token));
    }
}
