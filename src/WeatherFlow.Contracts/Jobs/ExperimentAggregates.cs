namespace WeatherFlow.Contracts.Jobs;

/// <summary>A metric of completed runs summarised per value of a config field (<c>GET /api/experiments/aggregates</c>).</summary>
public sealed record ExperimentAggregates(string Metric, string By, IReadOnlyList<AggregateGroup> Groups);

/// <param name="Key">The field's value as text; <paramref name="NumericKey"/> holds it as a number when it is one.</param>
public sealed record AggregateGroup(string Key, double? NumericKey, int Count, double Mean, double Min, double Max);
