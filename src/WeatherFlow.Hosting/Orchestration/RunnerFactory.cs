using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

internal static class RunnerFactory
{
    public static IReadOnlyList<ResourceRunner> Create(DistributedApplicationModel model, RunnerContext context)
    {
        var runners = new List<ResourceRunner>();
        foreach (var resource in model.Resources)
        {
            if (Create(resource, model, context) is { } runner)
            {
                runners.Add(runner);
            }
        }
        return runners;
    }

    private static ResourceRunner? Create(IResource resource, DistributedApplicationModel model, RunnerContext context) => resource switch
    {
        ContainerResource { ExistingConnectionString: not null } server => new ExistingServerRunner(server, Probe(server), context),
        PostgresServerResource postgres when OnlyReachedThroughConfiguredDatabases(postgres, model) => null,
        PostgresServerResource postgres => new PostgresRunner(postgres, context),
        RedisResource redis => new RedisRunner(redis, context),
        RabbitMQServerResource rabbitMq => new RabbitMQRunner(rabbitMq, context),
        PostgresDatabaseResource database => new DatabaseRunner(database, context),
        ProjectResource project => new ProjectRunner(project, context),
        ExecutableResource executable => new ExecutableRunner(executable, context),
        _ => null,
    };

    /// <summary>No need to start a server whose every database has a configured connection string.</summary>
    private static bool OnlyReachedThroughConfiguredDatabases(PostgresServerResource postgres, DistributedApplicationModel model)
    {
        var databases = model.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == postgres).ToList();
        var referencedDirectly = model.Resources.OfType<IResourceWithWaitSupport>()
            .Any(r => r.References.Contains(postgres) || r.WaitsFor.Contains(postgres));
        return databases.Count > 0 && databases.All(d => d.ExistingConnectionString is not null) && !referencedDirectly;
    }

    private static Func<string, CancellationToken, Task<bool>> Probe(ContainerResource server) => server switch
    {
        PostgresServerResource => HealthProbes.PostgresAsync,
        RedisResource => HealthProbes.RedisAsync,
        _ => HealthProbes.RabbitMQAsync,
    };
}
