namespace WeatherFlow.AppHost.LocalServers;

/// <summary>A private RabbitMQ node run as a local process from Debian's package, on loopback.</summary>
public sealed class LocalRabbitMQServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DistributionEndpointName = "distribution";

    /// <summary>The user Aspire's RabbitMQ containers create.</summary>
    public const string UserName = "guest";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public EndpointReference DistributionEndpoint => field ??= new(this, DistributionEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The shape of Aspire's <c>RabbitMQServerResource</c> connection string: an AMQP URI.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
