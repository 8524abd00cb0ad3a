namespace WeatherFlow.Contracts.Datasets;

/// <summary>
/// What inspection found in a dataset's files, validated once at upload and stored beside them: the channels, the
/// grid, the time axis, the steps not to learn from (missing in a file, or marked defective at upload) and how many
/// grid cells carry a fill value in some step (masked in training and scoring).
/// </summary>
public sealed record DatasetDescription(
    IReadOnlyList<DatasetFile> Files,
    IReadOnlyList<DatasetChannel> Channels,
    DatasetGrid Grid,
    DatasetTimeAxis Time,
    IReadOnlyList<int> DefectiveSteps,
    int FillCells);
