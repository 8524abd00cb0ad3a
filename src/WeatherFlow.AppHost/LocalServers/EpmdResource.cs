namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Erlang's port mapper, which a RabbitMQ node registers with. Run as its own resource, in the foreground and on
/// loopback: the one the Erlang VM would start itself listens on every interface and outlives the broker.
/// </summary>
public sealed class EpmdResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);
}
