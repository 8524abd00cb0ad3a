using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    /// <summary>WeatherFlow's own ActivitySources and Meters all start with this prefix.</summary>
    public const string WeatherFlowTelemetryPrefix = "WeatherFlow.*";

    private const string OtlpTimeoutKey = "OTEL_EXPORTER_OTLP_TIMEOUT";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(WeatherFlowTelemetryPrefix))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, WeatherFlowTelemetryPrefix)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The last export on shutdown waits for the collector at most this long. The dashboard stops together
            // with the apps, and with the SDK's 10 s default each app outlived it by 10 s (measured).
            if (string.IsNullOrEmpty(builder.Configuration[OtlpTimeoutKey]))
            {
                builder.Configuration.AddInMemoryCollection([new(OtlpTimeoutKey, "2000")]);
            }
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// Health probes (<c>/health</c>, <c>/alive</c>, and a service's own liveness such as the contract's
    /// <c>/api/health</c>) arrive every few seconds from orchestrators and load balancers: tracing them buries real
    /// requests and costs a large share of the work of answering them.
    /// </summary>
    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.Value is { } path
        && (path.EndsWith(Extensions.HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(Extensions.AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase));
}
