namespace WeatherFlow.Api.History;

/// <summary><see cref="Score"/>: one score of the evaluation, named by a <see cref="ScoreKey"/>.</summary>
public enum HistorySort { Submitted, RunTime, ValidationLoss, MeanSkill, Score }

public enum HistoryGrouping { Backbone, HiddenDim, TrainSamples, Epochs }

/// <summary>Which runs a history request is about; every field already checked.</summary>
public sealed record HistoryFilter(
    string? Text,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Backbones,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Tags,
    DateTimeOffset? SubmittedFrom,
    DateTimeOffset? SubmittedBefore);

/// <summary>One page of the history: the filter, the order, and where the previous page ended.</summary>
public sealed record HistoryPageRequest(HistoryFilter Filter, HistorySort Sort, bool Descending, int Limit, HistoryCursor? After, ScoreKey? Score = null);

/// <summary>A metric of completed runs summarised per value of a config field.</summary>
public sealed record AggregateRequest(HistoryFilter Filter, HistorySort Metric, HistoryGrouping By, ScoreKey? Score = null);
