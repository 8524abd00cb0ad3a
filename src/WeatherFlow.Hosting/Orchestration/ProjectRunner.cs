using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Runs each replica of a project with <c>dotnet &lt;assembly&gt;</c> in the project's directory, and restarts a
/// replica that exits on its own, with a growing delay. Healthy when every replica answers <c>/health</c> with 200.
/// </summary>
internal sealed class ProjectRunner(ProjectResource resource, RunnerContext context) : ResourceRunner(resource, context)
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);
    private readonly List<ProjectReplica> _replicas = [];
    private int _restarts;

    protected override string? EndpointDescription => resource.Replicas == 1
        ? $"http://localhost:{_replicas[0].Port}"
        : string.Join(" ", _replicas.Select(r => $"{r.InstanceName}=http://localhost:{r.Port}"));

    public IReadOnlyList<ProjectReplica> Replicas => _replicas;

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(resource.Metadata.AssemblyPath))
        {
            throw new DistributedApplicationException(
                $"'{resource.Metadata.AssemblyPath}' does not exist: build the AppHost, which builds its projects.");
        }
        var environment = await EnvironmentResolver.ResolveAsync(resource, Context.ExecutionContext, cancellationToken);
        _replicas.Clear();
        for (var index = 0; index < resource.Replicas; index++)
        {
            var instanceId = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
            var port = index == 0 ? resource.GetEndpoint("http").Port : PortAllocator.Allocate();
            var replica = new ProjectReplica(instanceId, resource.Replicas == 1 ? resource.Name : $"{resource.Name}-{instanceId}", port);
            _replicas.Add(replica);
            var env = new Dictionary<string, string>(environment);
            ProjectEnvironment.AddRunModeVariables(env, Context.Configuration, resource.Name, instanceId, port);
            var process = StartProcess(Spec(replica, env));
            _ = SuperviseAsync(replica, env, process, cancellationToken);
        }
    }

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var client = Context.HttpClientFactory.CreateClient(nameof(ProjectRunner));
        var results = await Task.WhenAll(_replicas.Select(r => HealthProbes.HttpAsync(client, r.HealthUrl, cancellationToken)));
        return results.All(healthy => healthy);
    }

    private ProcessSpec Spec(ProjectReplica replica, Dictionary<string, string> env) =>
        new(replica.InstanceName, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [resource.Metadata.AssemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(resource.ProjectPath),
            Environment = env,
        };

    /// <summary>Restarts a replica that exited while nobody asked it to stop.</summary>
    private async Task SuperviseAsync(ProjectReplica replica, Dictionary<string, string> env, ManagedProcess process, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            var started = Stopwatch.StartNew();
            var exitCode = await process.Exited;
            if (IsStopping || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            Forget(process);
            if (started.Elapsed > TimeSpan.FromMinutes(1))
            {
                backoff = TimeSpan.FromSeconds(1);
            }
            var restarts = Interlocked.Increment(ref _restarts);
            Context.Logger.LogWarning("{Instance} exited with code {ExitCode}; restarting in {Delay} s", replica.InstanceName, exitCode, backoff.TotalSeconds);
            Publish(s => s with
            {
                State = KnownResourceStates.Exited,
                ExitCode = exitCode,
                RestartCount = restarts,
                HealthStatus = HealthStatus.Unhealthy,
                Message = $"{replica.InstanceName} exited with code {exitCode}",
            });
            try
            {
                await Task.Delay(backoff, cancellationToken);
                process = StartProcess(Spec(replica, env));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            Publish(s => s with { State = KnownResourceStates.Running, Message = $"{replica.InstanceName} restarted" });
        }
    }
}
