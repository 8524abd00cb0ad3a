using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Retention;

/// <summary>Bound from the <c>Retention</c> section: which kept models, predictions and result fields
/// <see cref="RetentionService"/> removes, and how often it looks.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>A model older than this is removed; its runs keep their results.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ModelMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>While kept models take more than this, the oldest are removed. Below the trainers'
    /// <c>ModelStore:MaxTotalBytes</c> (4 GiB), so there is room for new models.</summary>
    [Range(1, long.MaxValue)]
    public long ModelsMaxTotalBytes { get; set; } = 3L << 30;

    /// <summary>A finished prediction older than this is removed: forecasts are the large documents here
    /// (a trajectory per channel), and asking again recomputes one from the kept model.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan PredictionMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A result document over this many bytes is large: its forecast fields (the maps of initial state,
    /// target and trajectory, and the LOD preview tiles) are what retention removes, its scores and metrics stay.</summary>
    [Range(1, long.MaxValue)]
    public long LargeResultBytes { get; set; } = 256 * 1024;

    /// <summary>A large result of a run finished longer ago than this loses its forecast fields.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ResultMaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>While all result documents take more than this, the oldest large ones lose their forecast fields.</summary>
    [Range(1, long.MaxValue)]
    public long ResultsMaxTotalBytes { get; set; } = 2L << 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
