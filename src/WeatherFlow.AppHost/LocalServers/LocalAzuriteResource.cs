namespace WeatherFlow.AppHost.LocalServers;

/// <summary>Azurite's blob service (Microsoft's Azure Storage emulator) run as a local process with Node, on loopback.</summary>
public sealed class LocalAzuriteResource(string name, string command, string workingDirectory, ParameterResource accountKey)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "http";

    /// <summary>The only account this Azurite knows: its well-known devstoreaccount1 is replaced, key and all.</summary>
    public const string AccountName = "weatherflow";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource AccountKeyParameter { get; } = accountKey;

    /// <summary>A storage account connection string whose blob endpoint is path-style, as Azurite serves accounts.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKeyParameter};BlobEndpoint=http://{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}/{AccountName};");
}
