using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Accounts;

/// <summary>An account's quota in force and what it uses of it now.</summary>
public sealed record AccountQuota(
    string AccountId,
    string UserName,
    int MaxActiveExperiments,
    int MaxRunSecondsPerDay,
    bool IsDefault,
    int ActiveExperiments,
    double RunSecondsLast24Hours);

/// <summary>An admin's change of an account's quota; a field left null goes back to the default.</summary>
public sealed record AccountQuotaUpdate(
    [property: Range(1, 10_000)] int? MaxActiveExperiments,
    [property: Range(1, 86_400 * 100)] int? MaxRunSecondsPerDay);

/// <summary>Why a submission is refused: which quota, and when it frees up if that is known.</summary>
public sealed record QuotaRefusal(string Detail, TimeSpan? RetryAfter);
