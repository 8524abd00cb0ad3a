using System.Text.Json;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Data.Experiments;

/// <summary>Train and validation losses of one epoch, kept in their own table so they can be queried.</summary>
public sealed class ExperimentEpochMetric
{
    public Guid ExperimentId { get; set; }
    public int Epoch { get; set; }
    public double Loss { get; set; }
    public double FlowLoss { get; set; }
    public double DivergenceLoss { get; set; }
    public double RolloutLoss { get; set; }
    public double EnergyDiff { get; set; }
    public double? ValLoss { get; set; }
    public double? ValFlowLoss { get; set; }
    public double? ValDivergenceLoss { get; set; }
    public double? ValRolloutLoss { get; set; }
    public double? ValEnergyDiff { get; set; }

    /// <summary>The rows of a stored or cached result document, read through the contract's records.</summary>
    public static List<ExperimentEpochMetric> From(Guid experimentId, string resultJson) =>
        JsonSerializer.Deserialize<ResultMetrics>(resultJson, ExperimentJson.Options) is { } blocks
            ? From(experimentId, blocks.Metrics, blocks.Validation)
            : [];

    /// <summary>One row per trained epoch, with that epoch's validation losses when it has them.</summary>
    public static List<ExperimentEpochMetric> From(Guid experimentId, TrainingMetrics training, ValidationMetrics validation)
    {
        var validationByEpoch = validation.Metrics.ToDictionary(metrics => metrics.Epoch);
        return [.. training.Train.OrderBy(train => train.Epoch).Select(train =>
        {
            var row = new ExperimentEpochMetric
            {
                ExperimentId = experimentId,
                Epoch = train.Epoch,
                Loss = train.Loss,
                FlowLoss = train.FlowLoss,
                DivergenceLoss = train.DivergenceLoss,
                RolloutLoss = train.RolloutLoss,
                EnergyDiff = train.EnergyDiff,
            };
            if (validationByEpoch.TryGetValue(train.Epoch, out var val))
            {
                (row.ValLoss, row.ValFlowLoss, row.ValDivergenceLoss, row.ValRolloutLoss, row.ValEnergyDiff) =
                    (val.ValLoss, val.ValFlowLoss, val.ValDivergenceLoss, val.ValRolloutLoss, val.ValEnergyDiff);
            }
            return row;
        })];
    }
}
