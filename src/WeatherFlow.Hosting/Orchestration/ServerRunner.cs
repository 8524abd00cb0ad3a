using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>A server resource run as a local process; an unexpected exit is reported with its exit code.</summary>
internal abstract class ServerRunner<T>(T resource, RunnerContext context) : ResourceRunner(resource, context)
    where T : ContainerResource, IResourceWithConnectionString
{
    protected T Server { get; } = resource;

    protected int Port => Server.PrimaryEndpoint.Port;

    protected override string? EndpointDescription => $"tcp://{Server.PrimaryEndpoint.Host}:{Port}";

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        await ProbeAsync((await ((IResourceWithConnectionString)Server).GetConnectionStringAsync(cancellationToken))!, cancellationToken);

    protected abstract Task<bool> ProbeAsync(string connectionString, CancellationToken cancellationToken);

    protected void ReportUnexpectedExit(ManagedProcess process) =>
        _ = process.Exited.ContinueWith(exited =>
        {
            if (!IsStopping)
            {
                Publish(s => s with { State = KnownResourceStates.Exited, ExitCode = exited.Result, HealthStatus = HealthStatus.Unhealthy });
            }
        }, TaskScheduler.Default);
}
