namespace WeatherFlow.Contracts.Experiments;

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
}
