using WeatherFlow.Data.TrainerWork;

namespace WeatherFlow.Data.Experiments;

/// <summary>A forecast asked of a run's stored model, run on the trainer pool. <see cref="RequestHash"/> keys the
/// answer by the model's config and the request, so the same question of any run of that config is answered once.
/// It goes to the trainers as experiments do (<see cref="ILeasedWork"/>).</summary>
public sealed class ExperimentPrediction : ILeasedWork
{
    public Guid Id { get; set; }
    public Guid ExperimentId { get; set; }
    public required string RequestHash { get; set; }

    /// <summary>The <c>ForecastRequest</c>, as checked at the api.</summary>
    public required string Request { get; set; }
    public required string Status { get; set; }

    /// <summary>The <c>ModelForecast</c> document once completed.</summary>
    public string? Forecast { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public Guid? RunId { get; set; }
    public string? TrainerInstance { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
