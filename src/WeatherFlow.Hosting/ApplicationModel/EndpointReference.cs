namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A reference to one endpoint of a resource; as a value it is the endpoint's URL.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName) : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Endpoint => Resource.Endpoints.FirstOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public string Host => Endpoint.Host;

    public int Port => Endpoint.AllocatedPort
        ?? throw new InvalidOperationException($"Endpoint '{EndpointName}' of '{Resource.Name}' has no port allocated yet.");

    public int? TargetPort => Endpoint.TargetPort ?? Endpoint.AllocatedPort;

    public string Scheme => Endpoint.UriScheme;

    public string Url => $"{Scheme}://{Host}:{Port}";

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => new(Url);
}
