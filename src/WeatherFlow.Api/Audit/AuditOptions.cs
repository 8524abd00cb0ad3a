using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Audit;

/// <summary>Bound from the <c>Audit</c> section: how long the audit trail keeps an event, and how often it looks.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
