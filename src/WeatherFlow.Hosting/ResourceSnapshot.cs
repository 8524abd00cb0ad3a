using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.Hosting;

/// <summary>What the AppHost knows about a resource at one moment.</summary>
public sealed record ResourceSnapshot(
    string State,
    HealthStatus? HealthStatus = null,
    int? ExitCode = null,
    string? Endpoint = null,
    int RestartCount = 0,
    string? Message = null);

public sealed record ResourceEvent(string ResourceName, ResourceSnapshot Snapshot);
