using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Trainer.Datasets;

namespace WeatherFlow.Trainer.Runs;

/// <summary>
/// Runs the CPU-bound engine on a dedicated thread under the soft and hard time limits, after bringing the run's
/// dataset files (if any) to local disk; they are read on that thread too.
/// </summary>
public sealed class ExperimentRunner(ExperimentEngine engine, DatasetDownloads datasets, IOptions<TrainerOptions> options, TimeProvider time)
{
    public async Task<ExperimentOutcome> RunAsync(Guid experimentId, ExperimentConfig config, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        using var softLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        softLimit.CancelAfter(limits.SoftTimeLimit);
        var download = await datasets.FetchAsync(config.Dataset, softLimit.Token);
        var run = Task.Factory.StartNew(
            () => engine.Run(experimentId, config, download is null ? null : Read(download, config.Dataset), progress, softLimit.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        using var hardLimit = new CancellationTokenSource();
        var first = await Task.WhenAny(run, Task.Delay(limits.HardTimeLimit, time, hardLimit.Token));
        await hardLimit.CancelAsync();
        if (first != run)
        {
            throw new TimeLimitExceededException($"The experiment did not stop within the hard time limit of {limits.HardTimeLimit}.", runAbandoned: true);
        }
        try
        {
            return await run;
        }
        catch (OperationCanceledException) when (softLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeLimitExceededException($"The experiment exceeded its time limit of {limits.SoftTimeLimit}.", runAbandoned: false);
        }
    }

    /// <exception cref="ExperimentFailedException">The files no longer read as the dataset they were when uploaded.</exception>
    private static GriddedFields Read(DatasetDownload download, DatasetConfig dataset)
    {
        try
        {
            return DatasetLoader.Load(download.Files, download.Description, dataset.Channels ?? [], new NetCdfLimits());
        }
        catch (DatasetRejectedException exception)
        {
            throw new ExperimentFailedException($"The dataset's files could not be read: {exception.Message}");
        }
    }
}
