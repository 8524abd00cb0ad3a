using Microsoft.Extensions.Configuration;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>The run-mode variables Aspire gives every project replica (ANCHORS 2.2).</summary>
internal static class ProjectEnvironment
{
    public static void AddRunModeVariables(IDictionary<string, string> env, IConfiguration configuration,
        string resourceName, string instanceId, int port)
    {
        env["ASPNETCORE_URLS"] = $"http://localhost:{port}";
        env.TryAdd("ASPNETCORE_ENVIRONMENT", "Development");
        env["OTEL_SERVICE_NAME"] = resourceName;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}";
        AddOtlpExporter(env, configuration);
        env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        env["OTEL_TRACES_SAMPLER"] = "always_on";
        env["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
        env["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true";
        env["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
        env["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
    }

    /// <summary>Only when the AppHost is configured with a collector (Aspire's dashboard keys or the OTel standard one).</summary>
    private static void AddOtlpExporter(IDictionary<string, string> env, IConfiguration configuration)
    {
        var (endpoint, protocol) = configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] is { Length: > 0 } grpc
            ? (grpc, "grpc")
            : configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] is { Length: > 0 } http
                ? (http, "http/protobuf")
                : (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc");
        if (string.IsNullOrEmpty(endpoint))
        {
            return;
        }
        env["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        env["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol;
        if (configuration["AppHost:OtlpApiKey"] is { Length: > 0 } apiKey)
        {
            env["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={apiKey}";
        }
    }
}
