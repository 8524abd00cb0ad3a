namespace WeatherFlow.Api.History;

public enum HistorySort { Submitted, RunTime, ValidationLoss, MeanSkill }

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
public sealed record HistoryPageRequest(HistoryFilter Filter, HistorySort Sort, bool Descending, int Limit, HistoryCursor? After);

/// <summary>A metric of completed runs summarised per value of a config field.</summary>
public sealed record AggregateRequest(HistoryFilter Filter, HistorySort Metric, HistoryGrouping By);
