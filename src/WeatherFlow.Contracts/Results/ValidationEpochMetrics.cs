using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.Results;

/// <summary>Batch means over the validation set after one epoch.</summary>
public sealed record ValidationEpochMetrics(
    int Epoch,
    // The reference declares this field without an alias, so its wire name is snake_case.
    [property: JsonPropertyName("val_loss")] double ValLoss,
    double ValFlowLoss,
    double ValDivergenceLoss,
    double ValRolloutLoss,
    double ValEnergyDiff)
{
    /// <summary>The spelling the reference's own frontend reads; written for it, ignored when reading.</summary>
    [JsonPropertyName("valLoss")]
    public double ValLossCamelCase => ValLoss;
}
