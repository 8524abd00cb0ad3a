using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>An executable has no health endpoint: like Aspire, it counts as healthy while its process runs.</summary>
internal sealed class ExecutableRunner(ExecutableResource executable, RunnerContext context) : SupervisedProcessRunner(executable, context)
{
    private ExecutableResource Executable { get; } = executable;

    protected override int ReplicaCount => 1;

    protected override ProcessSpec CreateSpec(ProcessReplica replica, IReadOnlyDictionary<string, string> environment) =>
        new(replica.InstanceName, Executable.Command, Executable.Args)
        {
            WorkingDirectory = Executable.WorkingDirectory,
            Environment = environment,
        };

    protected override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(ProcessIds.Count > 0);
}
