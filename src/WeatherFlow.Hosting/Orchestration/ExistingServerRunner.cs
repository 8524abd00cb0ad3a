using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// A server replaced by a connection string in the AppHost's configuration (Aspire's <c>AddConnectionString</c>
/// behaviour): nothing is started, the configured server is only probed.
/// </summary>
internal sealed class ExistingServerRunner(ContainerResource resource, Func<string, CancellationToken, Task<bool>> probe, RunnerContext context)
    : ResourceRunner(resource, context)
{
    protected override string? EndpointDescription => "existing server from ConnectionStrings:" + resource.Name;

    protected override Task LaunchAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        probe(resource.ExistingConnectionString!, cancellationToken);
}
