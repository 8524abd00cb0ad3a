using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// A private RabbitMQ node as a local executable resource: its own node name, Erlang cookie (HOME), mnesia and
/// configuration in the resource's state folder, and its own epmd, every port on loopback, so that several can run
/// side by side and none touches the system's.
/// </summary>
public static class LocalRabbitMQBuilderExtensions
{
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var command = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.RabbitMQ);
        var epmdCommand = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.Epmd);
        var directory = LocalServerEnvironment.DataDirectory(builder, "rabbitmq", name);
        // The password goes into an AMQP URI, so no special characters (as in Aspire's AddRabbitMQ).
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var broker = new LocalRabbitMQServerResource(name, command, directory, password);
        var epmd = AddEpmd(builder, $"{name}-epmd", epmdCommand, directory);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, async (_, ct) =>
        {
            LocalServerEnvironment.WritePrivateFile(directory, "rabbitmq.conf",
                $"default_user = {LocalRabbitMQServerResource.UserName}\ndefault_pass = {await password.GetValueAsync(ct)}\n" +
                "loopback_users = none\ndisk_free_limit.absolute = 50MB\n");
            LocalServerEnvironment.WritePrivateFile(directory, "enabled_plugins", "[].\n");
            LocalServerEnvironment.WritePrivateFile(directory, "rabbitmq-env.conf", "");
        });

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(broker, async (_, ct) => connectionString = await broker.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheckKey = $"{name}_check";
        // One connection for every check, as in Aspire's AddRabbitMQ; the client recovers it after a broker restart.
        // The deadline reaches the connection itself: the client does not watch the health check's token.
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
        {
            using var deadline = new CancellationTokenSource(LocalServerEnvironment.HealthCheckTimeout);
            return connection ??= await new ConnectionFactory
            {
                Uri = new Uri(connectionString ?? throw new InvalidOperationException("Connection string is unavailable")),
                RequestedConnectionTimeout = LocalServerEnvironment.HealthCheckTimeout,
                HandshakeContinuationTimeout = LocalServerEnvironment.HealthCheckTimeout,
            }.CreateConnectionAsync(deadline.Token);
        }, name: healthCheckKey, timeout: LocalServerEnvironment.HealthCheckTimeout);

        var epmdPort = epmd.Resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
        return builder.AddResource(broker)
            .WithEndpoint(name: LocalRabbitMQServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQServerResource.DistributionEndpointName, scheme: "tcp", isProxied: false)
            .WithEnvironment(context =>
            {
                var environment = context.EnvironmentVariables;
                environment["HOME"] = directory;
                environment["RABBITMQ_NODENAME"] = $"weatherflow-{name}@localhost";
                environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                environment["RABBITMQ_NODE_PORT"] = broker.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                environment["RABBITMQ_DIST_PORT"] = broker.DistributionEndpoint.Property(EndpointProperty.TargetPort);
                environment["ERL_EPMD_PORT"] = epmdPort;
                environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false";
                environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                // The log goes to standard output, so that it reaches the dashboard's console logs.
                environment["RABBITMQ_LOGS"] = "-";
                environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
                environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
            })
            .WithHealthCheck(healthCheckKey)
            .WithRestartOnCrash()
            .WaitFor(epmd)
            .WithChildRelationship(epmd);
    }

    private static IResourceBuilder<EpmdResource> AddEpmd(IDistributedApplicationBuilder builder, string name, string command, string directory)
    {
        var epmd = new EpmdResource(name, command, directory);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey,
            _ => new EpmdHealthCheck(() => epmd.PrimaryEndpoint.Port), failureStatus: null, tags: null));
        return builder.AddResource(epmd)
            .WithEndpoint(name: EpmdResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("-port");
                context.Args.Add(epmd.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
            })
            .WithHealthCheck(healthCheckKey)
            .WithRestartOnCrash();
    }
}
