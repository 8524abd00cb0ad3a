namespace WeatherFlow.Contracts.Results;

/// <summary>One channel's forecast; fields are [lat][lon] grids.</summary>
/// <param name="Rmse">Final predicted state against the target.</param>
/// <param name="BaselineRmse">Persistence: the initial state against the target.</param>
/// <param name="Skill">WeatherFlow's addition: 1 − rmse/baselineRmse (positive beats persistence); null if the baseline is 0.</param>
/// <param name="Acc">WeatherFlow's addition: anomaly correlation of forecast and target against the training-target
/// climatology (the per-point mean of the training x1); null when either anomaly is identically zero.</param>
public sealed record ChannelPrediction(
    string Name,
    IReadOnlyList<IReadOnlyList<double>> Initial,
    IReadOnlyList<IReadOnlyList<double>> Target,
    IReadOnlyList<TrajectoryStep> Trajectory,
    double Rmse,
    double Mae,
    double BaselineRmse,
    double? Skill,
    double? Acc);
