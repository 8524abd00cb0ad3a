namespace WeatherFlow.Experiments.Data;

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
}
