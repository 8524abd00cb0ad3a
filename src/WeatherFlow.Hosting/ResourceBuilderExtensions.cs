using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source,
        string? connectionName = null) where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        Track(builder.Resource, resource);
        return builder.WithEnvironment(context =>
            context.EnvironmentVariables[$"ConnectionStrings__{connectionName ?? resource.Name}"] = resource);
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__0</c> (service discovery) and <c>{NAME}_{ENDPOINT}</c> for each endpoint.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        Track(builder.Resource, resource);
        return builder.WithEnvironment(context =>
        {
            foreach (var endpoint in resource.Endpoints)
            {
                var reference = resource.GetEndpoint(endpoint.Name);
                context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] = reference;
                context.EnvironmentVariables[$"{EnvironmentVariableName(resource.Name)}_{EnvironmentVariableName(endpoint.Name)}"] = reference;
            }
        });
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
        {
            builder.Resource.WaitsFor.Add(dependency.Resource);
        }
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment
    {
        builder.Resource.EnvironmentCallbacks.Add(callback);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = parameter.Resource);

    /// <summary>Marks the http(s) endpoints as public: <c>external: true</c> in the manifest.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.UriScheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>Pins the run-mode port of an endpoint (e.g. a stable port for the web frontend).</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http")
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.Endpoints.FirstOrDefault(e => e.Name == name);
        if (endpoint is null)
        {
            builder.Resource.Endpoints.Add(endpoint = new EndpointAnnotation(name, "http", "http"));
        }
        endpoint.Port = port;
        return builder;
    }

    private static void Track(IResource dependant, IResource dependency)
    {
        if (dependant is IResourceWithWaitSupport waiter && !waiter.References.Contains(dependency))
        {
            waiter.References.Add(dependency);
        }
    }

    /// <summary>Aspire's EnvironmentVariableNameEncoder, upper-cased.</summary>
    private static string EnvironmentVariableName(string name)
    {
        var encoded = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
        return (char.IsAsciiDigit(encoded[0]) ? "_" + encoded : encoded).ToUpperInvariant();
    }
}
