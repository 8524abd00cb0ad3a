using System.Text.Json;
using Microsoft.EntityFrameworkCore.Query;
using WeatherFlow.Trainer.Datasets;
using WeatherFlow.Trainer.Work;

namespace WeatherFlow.Trainer.Experiments;

/// <summary>
/// Training an experiment: its dataset files brought to disk, the engine run with live progress, the result cached and
/// stored with its model. Watchers hear of every change of state at once, through the event channel.
/// </summary>
public sealed class ExperimentWork(
    ExperimentRunStore store,
    ExperimentEngine engine,
    DatasetDownloads datasets,
    ExperimentResultCache cache,
    ExperimentEventChannel events,
    TrainerTelemetry telemetry,
    IOptions<TrainerOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider time) : LeasedWork<Experiment>(scopes, time)
{
    public override TrainerWorkKind Kind => TrainerWorkKind.Experiment;

    public override async Task<bool> RunAsync(WorkClaim claim, WorkThread thread, CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        var (configJson, configHash) = await store.LoadConfigAsync(claim.WorkId, cancellationToken);
        var config = ConfigOf(configJson);
        var limits = options.Value;
        ExperimentOutcome outcome;
        // A progress write that finds the experiment no longer ours stops the run, as a cancellation does.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (var progress = new ProgressReporter(store, events, Time, limits.ProgressInterval, claim, run))
        {
            outcome = await thread.RunAsync<ExperimentOutcome>(
                new WorkTimeLimits(limits.SoftTimeLimit, limits.HardTimeLimit),
                async softLimit =>
                {
                    var download = await datasets.FetchAsync(config.Dataset, softLimit);
                    return token => engine.Run(
                        claim.WorkId, config, download is null ? null : DatasetDownloads.Read(download, config.Dataset), progress, token);
                },
                run.Token);
        }
        var resultJson = JsonSerializer.Serialize(outcome.Result, ExperimentJson.Options);
        // Cached before it is stored, so a client that sees "completed" and repeats the config hits the cache.
        await cache.SetAsync(configHash, resultJson);
        if (!await store.CompleteAsync(claim, configHash, outcome, resultJson))
        {
            return false;
        }
        telemetry.Completed.Add(1);
        telemetry.RunTime.Record(Time.GetElapsedTime(started).TotalSeconds);
        await PublishStateAsync(claim.WorkId);
        return true;
    }

    protected override void SetOnClaim(UpdateSettersBuilder<Experiment> set) =>
        set.SetProperty(e => e.Progress, 0).SetProperty(e => e.CurrentStep, "starting");

    protected override void SetOnRequeue(UpdateSettersBuilder<Experiment> set) =>
        set.SetProperty(e => e.Progress, 0).SetProperty(e => e.CurrentStep, "waiting for a trainer");

    protected override void SetOnFail(UpdateSettersBuilder<Experiment> set) =>
        set.SetProperty(e => e.CurrentStep, "failed");

    // Watchers learn at once that a trainer started, rather than at the first progress report.
    protected override Task OnChangedAsync(Guid workId) => PublishStateAsync(workId);

    protected override Task OnFailedAsync(Guid workId)
    {
        telemetry.Failed.Add(1);
        return PublishStateAsync(workId);
    }

    /// <summary>A config that does not read back can never train: it fails the run instead of being retried.</summary>
    private static ExperimentConfig ConfigOf(string configJson)
    {
        try
        {
            return ExperimentConfig.FromCanonicalJson(configJson);
        }
        catch (JsonException exception)
        {
            throw new ExperimentFailedException($"The experiment's stored config is not a config: {exception.Message}");
        }
    }

    private async Task PublishStateAsync(Guid experimentId)
    {
        if (await store.LoadEventAsync(experimentId) is { } state)
        {
            await events.PublishAsync(state);
        }
    }
}
