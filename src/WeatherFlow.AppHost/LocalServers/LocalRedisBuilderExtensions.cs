using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Redis as a local executable resource on 127.0.0.1, snapshotting to its state folder. The password goes into a
/// private configuration file rather than onto the command line, where ps and the dashboard would show it.
/// </summary>
public static class LocalRedisBuilderExtensions
{
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var command = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.Redis);
        var directory = LocalServerEnvironment.DataDirectory(builder, "redis", name);
        // A password goes into connection strings, so no special characters (as in Aspire's AddRedis).
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new LocalRedisResource(name, command, directory, password);
        var configFile = Path.Combine(directory, "redis.conf");

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, ct) =>
            LocalServerEnvironment.WritePrivateFile(directory, "redis.conf", string.Join('\n',
                "bind 127.0.0.1",
                $"requirepass \"{await password.GetValueAsync(ct)}\"",
                $"dir \"{directory}\"",
                "save 60 1",
                "appendonly no",
                "daemonize no",
                "")));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, ct) => connectionString = await redis.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey, timeout: LocalServerEnvironment.HealthCheckTimeout);

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheckKey)
            .WithRestartOnCrash();
    }
}
