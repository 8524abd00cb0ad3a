using Npgsql;
using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

public sealed class ResourceLifecycleTests
{
    [Fact]
    public async Task A_stopped_server_starts_again_on_the_same_endpoint_with_its_data()
    {
        using var timeout = new CancellationTokenSource(TestAppHost.DefaultTimeout);
        await using var host = new TestAppHost();
        host.Builder.AddPostgres("postgres").AddDatabase("weatherdb");
        await host.App.StartAsync(timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("weatherdb", timeout.Token);
        var connectionString = await host.App.GetConnectionStringAsync("weatherdb", timeout.Token);
        await ExecuteAsync(connectionString, "CREATE TABLE survivors (name text); INSERT INTO survivors VALUES ('kept')", timeout.Token);
        var stopped = Assert.Single(host.App.GetProcessIds("postgres"));

        await host.App.StopResourceAsync("postgres", timeout.Token);
        Assert.False(ProcessInspection.IsAlive(stopped));
        Assert.Equal(KnownResourceStates.Finished, host.App.ResourceNotifications.GetSnapshot("postgres")?.State);

        await host.App.StartResourceAsync("postgres", timeout.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        Assert.Equal(connectionString, await host.App.GetConnectionStringAsync("weatherdb", timeout.Token));
        Assert.Equal("kept", await ExecuteAsync(connectionString, "SELECT name FROM survivors", timeout.Token));
    }

    private static async Task<object?> ExecuteAsync(string? connectionString, string sql, CancellationToken cancellationToken)
    {
        // No pooling: a pooled connection would outlive the server it is restarted from.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
