using System.Text.Json;

namespace WeatherFlow.Experiments.Data;

/// <summary>Reads the per-epoch rows out of a contract-shaped result document
/// (<c>metrics.train[]</c> and <c>validation.metrics[]</c>, matched by epoch).</summary>
public static class EpochMetricsReader
{
    public static List<ExperimentEpochMetric> Read(Guid experimentId, string resultJson)
    {
        using var document = JsonDocument.Parse(resultJson);
        var root = document.RootElement;
        var rows = new Dictionary<int, ExperimentEpochMetric>();
        foreach (var train in root.GetProperty("metrics").GetProperty("train").EnumerateArray())
        {
            var epoch = train.GetProperty("epoch").GetInt32();
            rows[epoch] = new ExperimentEpochMetric
            {
                ExperimentId = experimentId,
                Epoch = epoch,
                Loss = train.GetProperty("loss").GetDouble(),
                FlowLoss = train.GetProperty("flowLoss").GetDouble(),
                DivergenceLoss = train.GetProperty("divergenceLoss").GetDouble(),
                RolloutLoss = train.GetProperty("rolloutLoss").GetDouble(),
                EnergyDiff = train.GetProperty("energyDiff").GetDouble(),
            };
        }
        foreach (var validation in root.GetProperty("validation").GetProperty("metrics").EnumerateArray())
        {
            if (rows.TryGetValue(validation.GetProperty("epoch").GetInt32(), out var row))
            {
                row.ValLoss = validation.GetProperty("val_loss").GetDouble();
                row.ValFlowLoss = validation.GetProperty("valFlowLoss").GetDouble();
                row.ValDivergenceLoss = validation.GetProperty("valDivergenceLoss").GetDouble();
                row.ValRolloutLoss = validation.GetProperty("valRolloutLoss").GetDouble();
                row.ValEnergyDiff = validation.GetProperty("valEnergyDiff").GetDouble();
            }
        }
        return [.. rows.Values.OrderBy(row => row.Epoch)];
    }
}
