namespace WeatherFlow.Contracts.Labels;

/// <summary>What a user calls a run, apart from its config: a name (null for the generated default), tags and a
/// note. They are not part of the config, so two runs differing only in labels share one cached result.</summary>
public sealed record ExperimentLabels(string? Name, IReadOnlyList<string> Tags, string? Note)
{
    public static ExperimentLabels None { get; } = new(null, [], null);
}
