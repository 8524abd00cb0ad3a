namespace WeatherFlow.Hosting.ApplicationModel;

public sealed class RabbitMQServerResource(string name, ParameterResource password)
    : ContainerResource(name, "docker.io/library/rabbitmq", "4.2"), IResourceWithConnectionString
{
    public const string UserName = "guest";

    public ParameterResource PasswordParameter { get; } = password;

    /// <remarks>The generated password has no special characters, so it needs no URI encoding.</remarks>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    ValueTask<string?> IResourceWithConnectionString.GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ExistingConnectionString is { } existing ? new(existing) : ConnectionStringExpression.GetValueAsync(cancellationToken);
}
