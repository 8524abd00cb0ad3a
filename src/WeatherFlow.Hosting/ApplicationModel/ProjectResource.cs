namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A .NET project of the solution, started with <c>dotnet &lt;built assembly&gt;</c> in run mode.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>Full path of the project file.</summary>
    public string ProjectPath => Metadata.ProjectPath;

    public int Replicas { get; set; } = 1;

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    public IList<Action<EnvironmentCallbackContext>> EnvironmentCallbacks { get; } = [];

    public IList<IResource> WaitsFor { get; } = [];

    public IList<IResource> References { get; } = [];

    public EndpointReference GetEndpoint(string endpointName) => new(this, endpointName);
}
