using Microsoft.Extensions.DependencyInjection;
using WeatherFlow.Hosting.ApplicationModel;
using WeatherFlow.Hosting.Orchestration;

namespace WeatherFlow.Hosting.Testing;

/// <summary>Aspire.Hosting.Testing's helpers, plus process-level access for failure tests.</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>An <see cref="HttpClient"/> whose base address is the resource's endpoint.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(resourceName);
        client.BaseAddress = app.GetEndpoint(resourceName, endpointName);
        return client;
    }

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var resource = Find<IResourceWithEndpoints>(app, resourceName);
        var endpoint = endpointName is null ? resource.Endpoints[0] : resource.Endpoints.Single(e => e.Name == endpointName);
        return new Uri(resource.GetEndpoint(endpoint.Name).Url);
    }

    public static async Task<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        await Find<IResourceWithConnectionString>(app, resourceName).GetConnectionStringAsync(cancellationToken);

    /// <summary>The process ids of the resource's live processes (one per replica for projects).</summary>
    public static IReadOnlyList<int> GetProcessIds(this DistributedApplication app, string resourceName) =>
        Orchestrator(app).GetRunner(resourceName)?.ProcessIds ?? [];

    /// <summary>The latest output lines of the resource (all replicas).</summary>
    public static IReadOnlyList<string> GetResourceLogs(this DistributedApplication app, string resourceName) =>
        app.Services.GetRequiredService<ResourceLogs>().GetLines(resourceName);

    public static Task StopResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        Orchestrator(app).StopResourceAsync(resourceName).WaitAsync(cancellationToken);

    public static Task StartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Orchestrator(app).StartResource(resourceName);
        return Task.CompletedTask;
    }

    private static ApplicationOrchestrator Orchestrator(DistributedApplication app) => app.Services.GetRequiredService<ApplicationOrchestrator>();

    private static T Find<T>(DistributedApplication app, string resourceName) where T : IResource =>
        app.Resources.OfType<T>().FirstOrDefault(r => r.Name == resourceName)
        ?? throw new ArgumentException($"No resource named '{resourceName}' of kind {typeof(T).Name}.", nameof(resourceName));
}
