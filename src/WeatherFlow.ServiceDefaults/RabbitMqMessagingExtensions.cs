using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// MassTransit over RabbitMQ, reading Aspire's <c>ConnectionStrings:{name}</c> (an <c>amqp://user:pass@host:port</c>
/// URI). MassTransit registers its own bus health check (tags <c>ready</c>, <c>masstransit</c>) and propagates the
/// trace context through message headers, so a consumer's work joins the sender's trace.
/// </summary>
public static class RabbitMqMessagingExtensions
{
    public static void AddRabbitMqMessaging(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor by default; no service may call a host outside the composition.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString ?? throw new InvalidOperationException(
                    $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}'.")));
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // MassTransit's bus check went on saying Healthy ten minutes after the broker died; a channel opened on the
        // broker tells the truth within seconds. One connection serves every check; the client recovers it.
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
        {
            using var deadline = new CancellationTokenSource(Extensions.HealthCheckTimeout);
            return connection ??= await new ConnectionFactory
            {
                Uri = new Uri(connectionString!),
                RequestedConnectionTimeout = Extensions.HealthCheckTimeout,
                HandshakeContinuationTimeout = Extensions.HealthCheckTimeout,
            }.CreateConnectionAsync(deadline.Token);
        }, name: "rabbitmq", tags: ["ready"]);

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName))
            .WithMetrics(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
    }
}
