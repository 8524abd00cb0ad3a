using System.Globalization;

namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>One property of an endpoint, e.g. <c>{postgres.bindings.tcp.host}</c> or, in run mode, <c>127.0.0.1</c>.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression => Property switch
    {
        EndpointProperty.Url => Binding("url"),
        EndpointProperty.Host => Binding("host"),
        EndpointProperty.Port => Binding("port"),
        EndpointProperty.TargetPort => Binding("targetPort"),
        EndpointProperty.Scheme => Binding("scheme"),
        EndpointProperty.HostAndPort => $"{Binding("host")}:{Binding("port")}",
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    };

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => new(Property switch
    {
        EndpointProperty.Url => Endpoint.Url,
        EndpointProperty.Host => Endpoint.Host,
        EndpointProperty.Port => Endpoint.Port.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.TargetPort => Endpoint.TargetPort?.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.Scheme => Endpoint.Scheme,
        EndpointProperty.HostAndPort => $"{Endpoint.Host}:{Endpoint.Port}",
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    });

    private string Binding(string path) => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{path}}}";
}
