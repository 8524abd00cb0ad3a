namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>
/// Values are strings or <see cref="IValueProvider"/>s that are also <see cref="IManifestExpressionProvider"/>s, so
/// the same callbacks feed run mode (resolved values) and the manifest (placeholders).
/// </summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext, IResource resource)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public Dictionary<string, object> EnvironmentVariables { get; } = [];
}
