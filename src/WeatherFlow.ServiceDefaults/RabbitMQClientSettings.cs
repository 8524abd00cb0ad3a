namespace WeatherFlow.ServiceDefaults;

/// <summary>Aspire.RabbitMQ.Client's settings, bound from <c>Aspire:RabbitMQ:Client</c> (then
/// <c>…:{connectionName}</c>); <c>ConnectionStrings:{connectionName}</c> wins for the connection string.
/// MassTransit brings its own bus health check.</summary>
public sealed class RabbitMQClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
}
