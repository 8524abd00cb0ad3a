namespace WeatherFlow.Trainer;

/// <summary>This replica's identity: OpenTelemetry's <c>service.instance.id</c> as the AppHost injects it in
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, or host and process id when run alone.</summary>
public sealed record TrainerInstance(string Id)
{
    private const string InstanceIdAttribute = "service.instance.id";

    public static TrainerInstance FromConfiguration(IConfiguration configuration)
    {
        var attributes = configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "";
        foreach (var attribute in attributes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = attribute.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is [InstanceIdAttribute, { Length: > 0 } id])
            {
                return new(id);
            }
        }
        return new($"{Environment.MachineName}-{Environment.ProcessId}");
    }
}
