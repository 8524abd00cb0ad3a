using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Runs one or more replicas of a process and restarts a replica that exits while nobody asked it to stop, waiting
/// longer after each quick failure (1 s doubling to 30 s; back to 1 s once a replica has run for a minute).
/// </summary>
internal abstract class SupervisedProcessRunner(IResourceWithEnvironment resource, RunnerContext context) : ResourceRunner(resource, context)
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);
    private readonly List<ProcessReplica> _replicas = [];
    private int _restarts;

    public IReadOnlyList<ProcessReplica> Replicas => _replicas;

    protected abstract int ReplicaCount { get; }

    protected abstract ProcessSpec CreateSpec(ProcessReplica replica, IReadOnlyDictionary<string, string> environment);

    /// <summary>The replica's port and run-mode variables, if it has any.</summary>
    protected virtual ProcessReplica CreateReplica(int index, string instanceId, IDictionary<string, string> environment) =>
        new(instanceId, ReplicaCount == 1 ? Resource.Name : $"{Resource.Name}-{instanceId}", Port: null);

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var environment = await EnvironmentResolver.ResolveAsync(resource, Context.ExecutionContext, cancellationToken);
        _replicas.Clear();
        for (var index = 0; index < ReplicaCount; index++)
        {
            var instanceId = System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
            var replicaEnvironment = new Dictionary<string, string>(environment);
            var replica = CreateReplica(index, instanceId, replicaEnvironment);
            _replicas.Add(replica);
            var spec = CreateSpec(replica, replicaEnvironment);
            _ = SuperviseAsync(replica, spec, StartProcess(spec), cancellationToken);
        }
    }

    private async Task SuperviseAsync(ProcessReplica replica, ProcessSpec spec, ManagedProcess process, CancellationToken cancellationToken)
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
                HealthStatus = s.HealthStatus is null ? null : HealthStatus.Unhealthy,
                Message = $"{replica.InstanceName} exited with code {exitCode}",
            });
            try
            {
                await Task.Delay(backoff, cancellationToken);
                process = StartProcess(spec);
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
