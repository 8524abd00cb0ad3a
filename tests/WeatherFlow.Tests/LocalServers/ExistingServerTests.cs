namespace WeatherFlow.Tests.LocalServers;

/// <summary>A connection string configured for a backing server makes the AppHost use that server and start none.</summary>
public sealed class ExistingServerTests
{
    public static TheoryData<string, string, string> Servers => new()
    {
        { "weatherdb", "postgres", "Host=db.example;Port=5432;Username=weather;Password=secret;Database=weatherdb" },
        { "cache", "cache", "redis.example:6379,password=secret" },
        { "messaging", "messaging", "amqp://weather:secret@broker.example:5672" },
        { "blobs", "blobs", "DefaultEndpointsProtocol=https;AccountName=weatherflow;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net" },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Configured_connection_string_replaces_the_local_server(string name, string server, string connectionString)
    {
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
            [.. AppHostArguments.State(state.FullName), $"ConnectionStrings:{name}={connectionString}"]);
        state.Delete(recursive: true);

        var resource = Assert.Single(appHost.Resources, r => r.Name == name);
        // AddConnectionString makes a parameter: its value is the configured connection string, nothing is started.
        Assert.IsAssignableFrom<ParameterResource>(resource);
        Assert.Equal(connectionString, await ((IResourceWithConnectionString)resource).GetConnectionStringAsync());
        Assert.DoesNotContain(appHost.Resources, r => r.Name == server && r is ExecutableResource);
        Assert.Contains(appHost.Resources, r => r is ExecutableResource);
    }
}
