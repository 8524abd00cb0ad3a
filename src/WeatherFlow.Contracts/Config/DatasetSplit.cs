using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.Config;

/// <summary>
/// Contiguous blocks of a dataset's time axis, in time order: the first <see cref="Train"/> of the steps train, the
/// next <see cref="Validation"/> validate, and the rest is the test block, which training never sees.
/// </summary>
public sealed record DatasetSplit
{
    /// <summary>Ten days: a bound on the pairs' span, so no request can ask for a lead no block could hold.</summary>
    public const int MaxLeadHours = 240;

    public double Train { get; init; } = 0.6;
    public double Validation { get; init; } = 0.2;

    [JsonIgnore]
    public double Test => 1 - Train - Validation;
}
