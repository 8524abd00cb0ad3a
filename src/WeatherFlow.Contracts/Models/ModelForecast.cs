using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Contracts.Models;

/// <summary>A stored model's forecast: each channel's trajectory and, when the true next state is known (a seeded
/// start), its target and scores.</summary>
public sealed record ModelForecast(IReadOnlyList<double> Times, IReadOnlyList<ChannelForecast> Channels, int ModelEpoch);

/// <param name="Skill">1 − rmse / persistence rmse of the final step; above 0 beats "no change".</param>
public sealed record ChannelForecast(
    string Name,
    IReadOnlyList<IReadOnlyList<double>> Initial,
    IReadOnlyList<TrajectoryStep> Trajectory,
    IReadOnlyList<IReadOnlyList<double>>? Target,
    double? Rmse,
    double? BaselineRmse,
    double? Skill);
