using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

internal static class EnvironmentResolver
{
    /// <summary>Runs a resource's environment callbacks and resolves every value to a concrete string.</summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(IResourceWithEnvironment resource,
        DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource);
        foreach (var callback in resource.EnvironmentCallbacks)
        {
            callback(context);
        }
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            resolved[name] = value switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? "",
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
        return resolved;
    }
}
