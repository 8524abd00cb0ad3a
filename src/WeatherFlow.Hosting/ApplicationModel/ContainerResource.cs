namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>
/// A server that a deployment runs as a container image and run mode runs as a local process from Debian's package.
/// The environment callbacks describe the container; the local process gets its settings from its runner.
/// </summary>
public abstract class ContainerResource(string name, string image, string tag) : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment
{
    public string Image { get; } = image;

    public string Tag { get; } = tag;

    public string? Entrypoint { get; init; }

    public IList<string> Args { get; } = [];

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    public IList<Action<EnvironmentCallbackContext>> EnvironmentCallbacks { get; } = [];

    /// <summary>A connection string configured in the AppHost (<c>ConnectionStrings:{name}</c>): use that server, start none.</summary>
    public string? ExistingConnectionString { get; internal set; }

    public EndpointReference PrimaryEndpoint => new(this, "tcp");
}
