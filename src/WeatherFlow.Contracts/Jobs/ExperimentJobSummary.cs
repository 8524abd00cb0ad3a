namespace WeatherFlow.Contracts.Jobs;

/// <summary>One row of the history at <c>GET /api/experiments</c>: the run's labels, what it trained and how it
/// scored, without its config and result documents.</summary>
/// <param name="ValidationLoss">The validation loss of the epoch whose weights made the forecast.</param>
/// <param name="MeanSkill">The mean over channels of 1 − rmse/persistence rmse; above 0 beats persistence.</param>
public sealed record ExperimentJobSummary(
    Guid Id,
    string Name,
    IReadOnlyList<string> Tags,
    string? Note,
    string Status,
    double Progress,
    string? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    bool FromCache,
    string Description,
    string Backbone,
    IReadOnlyList<string> Variables,
    int HiddenDim,
    int TrainSamples,
    int Epochs,
    double? RunSeconds,
    double? ValidationLoss,
    double? MeanSkill);
