using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.Config;

/// <summary>
/// Where the samples come from: the synthetic atmosphere (<see cref="Variables"/>, <see cref="PressureLevels"/>,
/// <see cref="GridSize"/>, the sample counts), or, when <see cref="Source"/> names a stored dataset, pairs of its
/// states <see cref="LeadHours"/> apart drawn from the blocks of <see cref="Split"/>. The dataset members are absent
/// from the JSON of a synthetic config, so its canonical text and hash are what they were before datasets existed.
/// </summary>
public sealed record DatasetConfig
{
    public IReadOnlyList<string> Variables { get; init; } = ["t", "z"];
    public IReadOnlyList<int> PressureLevels { get; init; } = [500];
    public GridSize GridSize { get; init; } = new();
    public int TrainSamples { get; init; } = 48;
    public int ValSamples { get; init; } = 16;

    /// <summary>Real WebDataset shards; accepted by the contract but rejected by validation, since no loader exists here.</summary>
    public string? WebdatasetPattern { get; init; }

    /// <summary>Accepted for compatibility; unused because shards are never read.</summary>
    public string? WebdatasetCache { get; init; }

    /// <summary>Accepted for compatibility; unused because shards are never read.</summary>
    public int WebdatasetWorkers { get; init; } = 2;

    /// <summary>A stored dataset's id (its name is accepted at the edge and resolved to the id); null: the synthetic atmosphere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The content digest of <see cref="Source"/>'s files, set by the server: a dataset replaced under the same id is another cache key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceDigest { get; init; }

    /// <summary>The dataset's channels to train on ("var" or "var@level"); the server fills in all of them when omitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>How far ahead the model forecasts, a multiple of the dataset's step; the server fills in one step when omitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LeadHours { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DatasetSplit? Split { get; init; }
}
