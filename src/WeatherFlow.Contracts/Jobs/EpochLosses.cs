namespace WeatherFlow.Contracts.Jobs;

/// <summary>One row of <c>GET /api/experiments/{id}/metrics</c>: an epoch's train losses and, once validated, its
/// validation losses, read from the per-epoch metrics table.</summary>
public sealed record EpochLosses(
    int Epoch,
    double Loss,
    double FlowLoss,
    double DivergenceLoss,
    double RolloutLoss,
    double EnergyDiff,
    double? ValLoss,
    double? ValFlowLoss,
    double? ValDivergenceLoss,
    double? ValRolloutLoss,
    double? ValEnergyDiff);
