using System.Diagnostics;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Results;
using WeatherFlow.Training.Training;
using static TorchSharp.torch;

namespace WeatherFlow.Training;

/// <summary>
/// Runs one experiment on the calling thread: config in, progress out, result back. Cancellation is honoured at
/// every batch boundary (and between solver steps) by throwing <see cref="OperationCanceledException"/>; a config
/// that cannot train throws <see cref="ExperimentFailedException"/>. The same config and thread count give the same
/// result, apart from <c>experimentId</c> and <c>execution.durationSeconds</c>.
/// </summary>
public sealed class ExperimentEngine(ExperimentEngineOptions options)
{
    public ExperimentResult Run(ExperimentConfig config, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var started = Stopwatch.GetTimestamp();
        ConfigCheck.EnsureValid(config);
        cancellationToken.ThrowIfCancellationRequested();
        TorchThreads.Use(options.Threads);
        try
        {
            return Execute(config, progress, started, cancellationToken);
        }
        finally
        {
            NativeHeap.Trim();
        }
    }

    private static ExperimentResult Execute(ExperimentConfig config, IProgress<TrainingProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var training = config.Training;
        var tracker = new ProgressTracker(progress, training.Epochs,
            TrainingLoop.BatchCount(config.Dataset.TrainSamples, training.BatchSize),
            TrainingLoop.BatchCount(config.Dataset.ValSamples, training.BatchSize));
        tracker.Started();
        using var scope = NewDisposeScope();
        var data = SyntheticAtmosphere.Generate(config);
        using var model = FlowModels.Create(config.Model, data.Channels, training.Seed);
        var (train, validation) = new TrainingLoop(config, data, model, tracker).Run(cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        tracker.Predicting();
        var forecast = Forecast.Run(config, data, model, cancellationToken);
        var result = ResultBuilder.Build(config, data, forecast, train, validation, Stopwatch.GetElapsedTime(started));
        tracker.Completed();
        return result;
    }
}
