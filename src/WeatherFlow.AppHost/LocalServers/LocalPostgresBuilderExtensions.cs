using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// PostgreSQL as a local executable resource: the cluster is made once by initdb in the resource's state folder
/// (SCRAM passwords, UTF-8), and the server listens on 127.0.0.1 only, with its socket inside the data folder.
/// postgres refuses to run as root, so root runs it as the postgres user through setpriv, which leaves postgres
/// itself as the process DCP signals.
/// </summary>
public static class LocalPostgresBuilderExtensions
{
    private const string SystemUser = "postgres";

    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var postgres = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.Postgres);
        var initdb = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.InitDb);
        var directory = LocalServerEnvironment.DataDirectory(builder, "postgres", name);
        var dataDirectory = Path.Combine(directory, "data");
        var runAsPostgres = Environment.IsPrivilegedProcess;
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var server = new LocalPostgresServerResource(name, runAsPostgres ? "setpriv" : postgres, directory, password);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
            await PostgresCluster.EnsureCreatedAsync(initdb, directory, dataDirectory, runAsPostgres ? SystemUser : null,
                await password.GetValueAsync(ct) ?? throw new DistributedApplicationException($"'{password.Name}' has no value."), ct));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) => connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey, timeout: LocalServerEnvironment.HealthCheckTimeout);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                if (runAsPostgres)
                {
                    context.Args.Add($"--reuid={SystemUser}");
                    context.Args.Add($"--regid={SystemUser}");
                    context.Args.Add("--init-groups");
                    context.Args.Add(postgres);
                }
                foreach (var argument in (string[])["-D", dataDirectory, "-h", "127.0.0.1", "-k", dataDirectory, "-p"])
                {
                    context.Args.Add(argument);
                }
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheckKey)
            .WithRestartOnCrash();
    }

    /// <summary>
    /// A database that the server resource creates once it is healthy, as Aspire's <c>AddDatabase</c> does. DCP
    /// reports states only for the processes it runs, so the database mirrors its server's: Running once it exists.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey, timeout: LocalServerEnvironment.HealthCheckTimeout);
        builder.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, (e, ct) =>
            PostgresDatabaseState.FollowServerAsync(database, e.Notifications, e.Logger, created => connectionString = created, ct));
        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new() { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheckKey);
    }
}
