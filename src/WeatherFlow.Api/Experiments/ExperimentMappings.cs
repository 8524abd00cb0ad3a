namespace WeatherFlow.Api.Experiments;

internal static class ExperimentMappings
{
    public static ExperimentJob ToJob(this Experiment experiment) => new(
        experiment.Id,
        experiment.Name,
        experiment.Tags,
        experiment.Note,
        experiment.Description,
        experiment.Status,
        experiment.Progress,
        experiment.CurrentStep,
        experiment.SubmittedAt,
        experiment.StartedAt,
        experiment.FinishedAt,
        experiment.Error,
        experiment.FromCache,
        experiment.TrainerInstance,
        experiment.Attempts,
        experiment.ConfigHash,
        JsonSerializer.Deserialize<JsonElement>(experiment.Config),
        experiment.Result is null ? null : JsonSerializer.Deserialize<JsonElement>(experiment.Result));

    public static IQueryable<ExperimentJobSummary> ToSummaries(this IQueryable<Experiment> experiments) =>
        experiments.Select(e => new ExperimentJobSummary(
            e.Id, e.Name, e.Tags, e.Note, e.Status, e.Progress, e.CurrentStep, e.SubmittedAt, e.StartedAt, e.FinishedAt, e.Error, e.FromCache,
            e.Description, e.Backbone, e.Variables, e.HiddenDim, e.TrainSamples, e.Epochs, e.RunSeconds, e.ValidationLoss, e.MeanSkill));
}
