namespace WeatherFlow.Hosting.ApplicationModel;

public sealed class RedisResource(string name, ParameterResource password)
    : ContainerResource(name, "docker.io/library/redis", "8.2"), IResourceWithConnectionString
{
    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    ValueTask<string?> IResourceWithConnectionString.GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ExistingConnectionString is { } existing ? new(existing) : ConnectionStringExpression.GetValueAsync(cancellationToken);
}
