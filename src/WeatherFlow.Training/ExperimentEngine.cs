using System.Diagnostics;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Learning;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Results;
using static TorchSharp.torch;

namespace WeatherFlow.Training;

/// <summary>
/// Runs one experiment on the calling thread: config in, progress out, result and trained model back. Cancellation is honoured at
/// every batch boundary (and between solver steps) by throwing <see cref="OperationCanceledException"/>; a config
/// that cannot train throws <see cref="ExperimentFailedException"/>. The same config and thread count give the same
/// result and model, apart from <c>execution.durationSeconds</c>.
/// </summary>
public sealed class ExperimentEngine(EngineOptions options)
{
    public ExperimentOutcome Run(Guid experimentId, ExperimentConfig config, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var started = Stopwatch.GetTimestamp();
        if (config.FindViolations() is [_, ..] violations)
        {
            throw new ExperimentFailedException($"Invalid experiment config: {string.Join("; ", violations)}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        TorchThreads.Use(options.Threads);
        try
        {
            return Execute(experimentId, config, progress, started, cancellationToken);
        }
        finally
        {
            NativeHeap.Trim();
        }
    }

    private static ExperimentOutcome Execute(Guid experimentId, ExperimentConfig config, IProgress<TrainingProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var training = config.Training;
        var tracker = new ProgressTracker(progress, training.Epochs,
            TrainingLoop.BatchCount(config.Dataset.TrainSamples, training.BatchSize),
            TrainingLoop.BatchCount(config.Dataset.ValSamples, training.BatchSize));
        tracker.Started();
        using var scope = NewDisposeScope();
        var data = config.Simulation.Atmosphere == ConfigChoices.ReferenceAtmosphere
            ? ReferenceAtmosphere.Generate(config)
            : StructuredAtmosphere.Generate(config);
        // Physical units differ by orders of magnitude between channels; the model works on standardised ones.
        var scaling = config.Simulation.Atmosphere == ConfigChoices.ReferenceAtmosphere ? null : ChannelScaling.Of(data.TrainX0);
        var modelData = scaling?.Standardise(data) ?? data;
        using var model = FlowModels.Create(config.Model, data.Channels, training.Seed);
        if (training.Objective == ConfigChoices.RectifiedObjective)
        {
            model.StartFromPersistence();
        }
        var (train, validation, modelEpoch) = new TrainingLoop(config, modelData, model, tracker).Run(cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        tracker.Predicting();
        var forecast = Forecast.Run(config, modelData, model, cancellationToken);
        var physicalForecast = forecast;
        if (scaling is not null)
        {
            physicalForecast = scaling.Restore(forecast);
            // The trajectory starts at the initial state itself, not at its round trip through the scaling.
            physicalForecast[0].copy_(data.ValX0[0]);
        }
        var result = ResultBuilder.Build(experimentId, config, data, physicalForecast, train, validation, modelEpoch, Stopwatch.GetElapsedTime(started));
        var trained = ModelFiles.Export(model, config, data.ChannelNames, data.Grid, modelEpoch, scaling);
        tracker.Completed();
        return new ExperimentOutcome(result, trained);
    }
}
