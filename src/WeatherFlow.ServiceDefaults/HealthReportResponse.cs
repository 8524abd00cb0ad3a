namespace WeatherFlow.ServiceDefaults;

public sealed record HealthReportResponse(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckEntry> Checks);

public sealed record HealthCheckEntry(string Name, string Status, string? Description, double DurationMs);
