using System.Text.Json;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Contracts.Jobs;

/// <summary>Runs side by side (<c>GET /api/experiments/compare</c>). Every list of values is in the order of
/// <see cref="Experiments"/>.</summary>
/// <param name="Differences">The config fields whose values are not all equal.</param>
/// <param name="Curves">Each run's per-epoch losses (empty until it completes).</param>
/// <param name="Channels">Each channel any run forecast, with every run's scores for it (null where a run has none).</param>
/// <param name="Scorecard">RMSE per channel × lead of every run against the reference run; null when the reference has no evaluation.</param>
public sealed record ExperimentComparison(
    IReadOnlyList<ExperimentJobSummary> Experiments,
    IReadOnlyList<ConfigDifference> Differences,
    IReadOnlyList<IReadOnlyList<EpochLosses>> Curves,
    IReadOnlyList<ChannelComparison> Channels,
    Scorecard? Scorecard);

/// <param name="Path">The field, e.g. <c>model.hiddenDim</c>.</param>
/// <param name="Values">Its JSON value in each run (null where a run's config lacks it).</param>
public sealed record ConfigDifference(string Path, IReadOnlyList<JsonElement?> Values);

public sealed record ChannelComparison(string Name, IReadOnlyList<ChannelScore?> Scores);

public sealed record ChannelScore(double Rmse, double BaselineRmse, double? Skill, double? Acc);
