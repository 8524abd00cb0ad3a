using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Models;

/// <summary>Bound from the <c>ModelRetention</c> section: which kept models the api removes, and how often it looks.</summary>
public sealed class ModelRetentionOptions
{
    public const string SectionName = "ModelRetention";

    /// <summary>A model older than this is removed; its runs keep their results.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>While kept models take more than this, the oldest are removed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 2L << 30;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
