using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Azure.Storage.Blobs;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;
using WeatherFlow.Data.DatasetFiles;
using WeatherFlow.Tests.Composition;
using WeatherFlow.Tests.Infrastructure;
using static WeatherFlow.Tests.Infrastructure.CompositionResources;

namespace WeatherFlow.Tests.LocalServers;

/// <summary>
/// The local Postgres, Redis, RabbitMQ and Azurite resources that run mode starts (Debian's binaries, npm's Azurite), on their own: they
/// turn healthy only when their protocol answers, listen on loopback only, keep their data when the whole
/// application stops and starts again, and leave no process behind.
/// </summary>
[Collection(CompositionLifecycleCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class LocalServerTests
{
    private static readonly string[] Servers = [Postgres, Cache, Messaging, Blobs];

    private static bool IsServer(IResource resource) => resource.Name is Postgres or WeatherDb or Cache or Messaging or MessagingEpmd or Blobs;

    [Fact]
    public async Task Servers_listen_on_loopback_only_keep_their_data_across_a_restart_and_leave_no_process_behind()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        var kept = Guid.NewGuid().ToString();

        IReadOnlyList<int> processIds;
        await using (var app = await StartHealthyAsync(state.FullName, ct))
        {
            await WriteAsync(app, kept, ct);

            var leaders = (await Task.WhenAll(Servers.Append(MessagingEpmd).Select(app.GetProcessIdsAsync))).SelectMany(pids => pids).ToList();
            Assert.Equal(5, leaders.Count);
            processIds = ProcessInspection.Descendants(leaders);
            var listeners = ProcessInspection.ListeningEndpoints(processIds);
            foreach (var name in Servers.Append(MessagingEpmd))
            {
                var port = app.GetEndpoint(name, EndpointOf(name)).Port;
                Assert.Contains(listeners, listener => listener.Port == port);
            }
            Assert.All(listeners, listener => Assert.True(IPAddress.IsLoopback(listener.Address), $"{listener} is not on loopback"));
        }
        Assert.All(processIds, pid => Assert.False(ProcessInspection.IsAlive(pid), $"process {pid} is still alive"));

        await using (var app = await StartHealthyAsync(state.FullName, ct))
        {
            Assert.Equal(kept, await ReadPostgresAsync(app, ct));
            Assert.Equal(kept, await ReadRedisAsync(app, ct));
            Assert.Equal(kept, await ReadRabbitMQAsync(app, ct));
            Assert.True(await (await DatasetFilesAsync(app, ct)).ExistsAsync(Guid.Parse(kept), "kept", ct));
        }
        state.Delete(recursive: true);
    }

    /// <summary>
    /// Each server binary is replaced by a process that accepts connections on the server's port and never answers:
    /// a port check would call that healthy; the protocol checks must not.
    /// </summary>
    [Fact]
    public async Task A_server_that_accepts_connections_but_does_not_speak_its_protocol_stays_unhealthy()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        var fakes = SilentListeners.Create();
        try
        {
            await using var app = await BackingServersOnly.StartAsync(state.FullName, resource => resource.Name is Postgres or Cache or Messaging or MessagingEpmd or Blobs, ct,
                $"AppHost:Binaries:PostgresDirectory={fakes.FullName}",
                $"AppHost:Binaries:RedisDirectory={fakes.FullName}",
                $"AppHost:Binaries:RabbitMQDirectory={fakes.FullName}",
                $"AppHost:Binaries:NodeDirectory={fakes.FullName}",
                $"AppHost:Binaries:AzuriteDirectory={fakes.FullName}");

            await Task.WhenAll(Servers.Select(async name =>
            {
                // A check that ends after the port opened may have started before; the one after it did not.
                var checkedAt = await AcceptsConnectionsAsync(app.GetEndpoint(name, EndpointOf(name)), ct);
                ResourceEvent report = null!;
                for (var run = 0; run < 2; run++)
                {
                    var since = checkedAt;
                    report = await app.ResourceNotifications.WaitForResourceAsync(name, e =>
                        e.Snapshot.HealthStatus == HealthStatus.Healthy || e.Snapshot.HealthReports.Any(r => r.LastRunAt > since), ct);
                    checkedAt = report.Snapshot.HealthReports.Max(r => r.LastRunAt) ?? checkedAt;
                }
                Assert.Equal(HealthStatus.Unhealthy, report.Snapshot.HealthStatus);
                Assert.Equal(KnownResourceStates.Running, report.Snapshot.State?.Text);
            }));
        }
        finally
        {
            state.Delete(recursive: true);
            fakes.Delete(recursive: true);
        }
    }

    private static async Task<DistributedApplication> StartHealthyAsync(string state, CancellationToken ct)
    {
        var app = await BackingServersOnly.StartAsync(state, IsServer, ct);
        await Task.WhenAll(((string[])[.. Servers, WeatherDb]).Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct)));
        return app;
    }

    private static async Task WriteAsync(DistributedApplication app, string value, CancellationToken ct)
    {
        await using (var database = NpgsqlDataSource.Create((await app.GetConnectionStringAsync(WeatherDb, ct))!))
        {
            await database.CreateCommand("CREATE TABLE kept (value text)").ExecuteNonQueryAsync(ct);
            await using var insert = database.CreateCommand("INSERT INTO kept VALUES ($1)");
            insert.Parameters.Add(new() { Value = value });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync(Cache, ct))!))
        {
            Assert.True(await redis.GetDatabase().StringSetAsync("kept", value));
        }

        await using var broker = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync(Messaging, ct))!) }.CreateConnectionAsync(ct);
        await using var channel = await broker.CreateChannelAsync(new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.BasicPublishAsync("", "kept", mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes(value), ct);

        await (await DatasetFilesAsync(app, ct)).UploadAsync(Guid.Parse(value), "kept", new MemoryStream(Encoding.UTF8.GetBytes(value)), ct);
    }

    private static async Task<DatasetFileStore> DatasetFilesAsync(DistributedApplication app, CancellationToken ct) =>
        new(new BlobServiceClient(await app.GetConnectionStringAsync(Blobs, ct)));

    /// <summary>Azurite speaks HTTP; the others have a plain TCP endpoint.</summary>
    private static string EndpointOf(string server) => server == Blobs ? "http" : "tcp";

    private static async Task<string?> ReadPostgresAsync(DistributedApplication app, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create((await app.GetConnectionStringAsync(WeatherDb, ct))!);
        return (string?)await database.CreateCommand("SELECT value FROM kept").ExecuteScalarAsync(ct);
    }

    private static async Task<string?> ReadRedisAsync(DistributedApplication app, CancellationToken ct)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync(Cache, ct))!);
        return await redis.GetDatabase().StringGetAsync("kept");
    }

    private static async Task<string?> ReadRabbitMQAsync(DistributedApplication app, CancellationToken ct)
    {
        await using var broker = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync(Messaging, ct))!) }.CreateConnectionAsync(ct);
        await using var channel = await broker.CreateChannelAsync(cancellationToken: ct);
        return await channel.BasicGetAsync("kept", autoAck: true, ct) is { } message ? Encoding.UTF8.GetString(message.Body.Span) : null;
    }

    /// <summary>Waits until the endpoint takes a TCP connection; returns when it did.</summary>
    private static async Task<DateTime> AcceptsConnectionsAsync(Uri endpoint, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(endpoint.Host, endpoint.Port, ct);
                return DateTime.UtcNow;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }
}
