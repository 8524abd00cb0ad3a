using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Data.Experiments;

public static class ExperimentQueryableExtensions
{
    /// <summary>The state columns only: enough for a job event without reading the config and result documents.
    /// Its timestamp is the last change of state, so listeners can order events.</summary>
    public static IQueryable<ExperimentJobEvent> ToEvents(this IQueryable<Experiment> experiments) =>
        experiments.Select(e => new ExperimentJobEvent(
            e.Id, e.Status, e.Progress, e.CurrentStep, null, e.Error, e.FinishedAt ?? e.HeartbeatAt ?? e.StartedAt ?? e.SubmittedAt));
}
