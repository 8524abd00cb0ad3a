using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Accounts;

/// <summary>Bound from <c>Quotas</c>: what an account may use of the shared trainers unless an admin set its own
/// quota. Admins have none: they run the platform.</summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Quotas";

    /// <summary>An account's experiments queued or running at once.</summary>
    [Range(1, 10_000)]
    public int MaxActiveExperiments { get; set; } = 2;

    /// <summary>Trainer seconds an account's runs may use in any 24 hours.</summary>
    [Range(1, 86_400 * 100)]
    public int MaxRunSecondsPerDay { get; set; } = 7200;
}
