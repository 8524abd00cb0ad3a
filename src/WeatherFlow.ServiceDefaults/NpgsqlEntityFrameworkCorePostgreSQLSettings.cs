namespace WeatherFlow.ServiceDefaults;

/// <summary>Aspire's settings for <c>AddNpgsqlDbContext</c>, bound from
/// <c>Aspire:Npgsql:EntityFrameworkCore:PostgreSQL</c>.</summary>
public sealed class NpgsqlEntityFrameworkCorePostgreSQLSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableRetry { get; set; }
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
    public int? CommandTimeout { get; set; }
}
