using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeatherFlow.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// MassTransit over RabbitMQ, reading Aspire's <c>ConnectionStrings:{name}</c> (an <c>amqp://user:pass@host:port</c>
/// URI). MassTransit registers its own bus health check (tags <c>ready</c>, <c>masstransit</c>) and propagates the
/// trace context through message headers, so a consumer's work joins the sender's trace.
/// </summary>
public static class RabbitMqMessagingExtensions
{
    private const string DefaultConfigSectionName = "Aspire:RabbitMQ:Client";

    public static void AddRabbitMqMessaging(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        var settings = new RabbitMQClientSettings();
        builder.Configuration.GetSection(DefaultConfigSectionName).Bind(settings);
        builder.Configuration.GetSection($"{DefaultConfigSectionName}:{connectionName}").Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(settings.ConnectionString ?? throw new InvalidOperationException(
                    $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}' or under the " +
                    $"'ConnectionString' key in '{DefaultConfigSectionName}' configuration section.")));
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName));
        }
        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
        }
    }
}
