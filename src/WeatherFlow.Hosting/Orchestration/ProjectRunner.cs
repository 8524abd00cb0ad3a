using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Runs each replica of a project with <c>dotnet &lt;assembly&gt;</c> in the project's directory, with the environment
/// Aspire gives it. Healthy when every replica answers <c>/health</c> with 200.
/// </summary>
internal sealed class ProjectRunner(ProjectResource project, RunnerContext context) : SupervisedProcessRunner(project, context)
{
    private ProjectResource Project { get; } = project;

    protected override int ReplicaCount => Project.Replicas;

    protected override string? EndpointDescription => string.Join(" ", Replicas.Select(r =>
        Replicas.Count == 1 ? $"http://localhost:{r.Port}" : $"{r.InstanceName}=http://localhost:{r.Port}"));

    protected override Task LaunchAsync(CancellationToken cancellationToken) => File.Exists(Project.Metadata.AssemblyPath)
        ? base.LaunchAsync(cancellationToken)
        : throw new DistributedApplicationException(
            $"'{Project.Metadata.AssemblyPath}' does not exist: build the AppHost, which builds its projects.");

    protected override ProcessReplica CreateReplica(int index, string instanceId, IDictionary<string, string> environment)
    {
        var port = index == 0 ? Project.GetEndpoint("http").Port : PortAllocator.Allocate();
        ProjectEnvironment.AddRunModeVariables(environment, Context.Configuration, Project.Name, instanceId, port);
        return new(instanceId, ReplicaCount == 1 ? Project.Name : $"{Project.Name}-{instanceId}", port);
    }

    protected override ProcessSpec CreateSpec(ProcessReplica replica, IReadOnlyDictionary<string, string> environment) =>
        new(replica.InstanceName, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Project.Metadata.AssemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(Project.ProjectPath),
            Environment = environment,
        };

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var client = Context.HttpClientFactory.CreateClient(nameof(ProjectRunner));
        var results = await Task.WhenAll(Replicas.Select(r => HealthProbes.HttpAsync(client, r.HealthUrl, cancellationToken)));
        return results.All(healthy => healthy);
    }
}
