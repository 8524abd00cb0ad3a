using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.RateLimiting;

/// <summary>
/// Bound from the <c>RateLimits</c> section: how many submissions and reads a caller may make per window, counted per
/// account for a caller with a personal access token and per client address otherwise. Submissions (experiments and
/// predictions) start training, so their budget is small; reads are cheap and polled, so theirs is large.
/// </summary>
public sealed class RateLimitsOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, int.MaxValue)]
    public int AnonymousSubmissions { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int AccountSubmissions { get; set; } = 100;

    /// <summary>Whole seconds: the shared counters in Redis keep time in seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromHours(1);

    [Range(1, int.MaxValue)]
    public int AnonymousReads { get; set; } = 300;

    [Range(1, int.MaxValue)]
    public int AccountReads { get; set; } = 1200;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReadWindow { get; set; } = TimeSpan.FromMinutes(1);
}
