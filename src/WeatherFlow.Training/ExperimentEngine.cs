using System.Diagnostics;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Progress;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Datasets;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Evaluation;
using WeatherFlow.Training.Learning;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Results;
using static TorchSharp.torch;

namespace WeatherFlow.Training;

/// <summary>
/// Runs one experiment on the calling thread: config in, progress out, result and trained model back. Cancellation is honoured at
/// every batch boundary (and between solver steps) by throwing <see cref="OperationCanceledException"/>; a config
/// that cannot train throws <see cref="ExperimentFailedException"/>. The same config and thread count give the same
/// result and model, apart from <c>execution.durationSeconds</c> and <c>execution.evaluationSeconds</c>.
/// </summary>
public sealed class ExperimentEngine(EngineOptions options)
{
    /// <param name="fields">The stored dataset <c>dataset.source</c> names, read by the caller; null for the synthetic atmosphere.</param>
    public ExperimentOutcome Run(Guid experimentId, ExperimentConfig config, GriddedFields? fields, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var started = Stopwatch.GetTimestamp();
        if (config.FindViolations() is [_, ..] violations)
        {
            throw new ExperimentFailedException($"Invalid experiment config: {string.Join("; ", violations)}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        TorchThreads.Use(options.TorchThreads);
        try
        {
            return Execute(experimentId, config, fields, progress, started, cancellationToken);
        }
        finally
        {
            NativeHeap.Trim();
        }
    }

    private static ExperimentOutcome Execute(Guid experimentId, ExperimentConfig config, GriddedFields? fields, IProgress<TrainingProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var training = config.Training;
        using var scope = NewDisposeScope();
        var data = Generate(config, fields);
        var tracker = new ProgressTracker(progress, training.Epochs,
            TrainingLoop.BatchCount((int)data.TrainX0.shape[0], training.BatchSize),
            TrainingLoop.BatchCount((int)data.ValX0.shape[0], training.BatchSize));
        tracker.Started();
        // Physical units differ by orders of magnitude between channels; the model works on standardised ones.
        var scaling = config.Simulation.Atmosphere == ConfigChoices.ReferenceAtmosphere && fields is null ? null : ChannelScaling.Of(data.TrainX0, data.Mask);
        var modelData = scaling?.Standardise(data) ?? data;
        using var model = FlowModels.Create(config.Model, data.Channels, training.Seed);
        if (training.Objective == ConfigChoices.RectifiedObjective)
        {
            model.StartFromPersistence();
        }
        var (train, validation, modelEpoch) = new TrainingLoop(config, modelData, model, tracker).Run(cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        tracker.Predicting();
        var forecast = PhysicalForecast(config, data, modelData, scaling, model, cancellationToken);
        var evaluating = Stopwatch.GetTimestamp();
        var evaluation = Evaluator.Evaluate(config, modelData, scaling, model, cancellationToken);
        var result = ResultBuilder.Build(experimentId, config, data, forecast, train, validation, modelEpoch, Stopwatch.GetElapsedTime(started), evaluation);
        result = result with { Execution = result.Execution with { EvaluationSeconds = Stopwatch.GetElapsedTime(evaluating).TotalSeconds } };
        var trained = ModelFiles.Export(model, config, data.ChannelNames, data.Grid, modelEpoch, scaling);
        tracker.Completed();
        return new ExperimentOutcome(result, trained);
    }

    /// <summary>
    /// A new forecast from a stored model: the run's atmosphere drawn with the request's seed (its climate unchanged),
    /// started from that atmosphere's first validation state or from the request's fields, in the standardisation
    /// the model was trained with. Asked with the run's own seed, steps and solver, it repeats the run's forecast.
    /// </summary>
    public ModelForecast Predict(TrainedModel trained, ForecastRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trained);
        cancellationToken.ThrowIfCancellationRequested();
        TorchThreads.Use(options.TorchThreads);
        try
        {
            using var scope = NewDisposeScope();
            var metadata = trained.Metadata;
            var config = metadata.Config with
            {
                Training = metadata.Config.Training with { Seed = request.Seed, TimeSteps = request.TimeSteps, SolverMethod = request.SolverMethod },
            };
            if (config.Dataset.Source is not null)
            {
                throw new ExperimentFailedException("Forecasts from the model of a dataset run are not offered yet: its inputs are the dataset's, not a generator's.");
            }
            var generated = Generate(config, null);
            var data = request.Initial is { } fields
                ? generated with { ValX0 = tensor([.. fields.SelectMany(rows => rows).SelectMany(row => row).Select(value => (float)value)], [1, metadata.Channels.Count, metadata.Grid.Lat, metadata.Grid.Lon]) }
                : generated;
            var scaling = metadata.Normalisation is { } normalisation ? ChannelScaling.From(normalisation) : null;
            using var model = ModelFiles.Load(trained);
            var forecast = PhysicalForecast(config, data, scaling?.Standardise(data) ?? data, scaling, model, cancellationToken);
            var prediction = ResultBuilder.Prediction(config, data, ResultBuilder.Read(forecast), metadata.Epoch);
            return ForecastOf(prediction, targetKnown: request.Initial is null);
        }
        finally
        {
            NativeHeap.Trim();
        }
    }

    private static ExperimentData Generate(ExperimentConfig config, GriddedFields? fields) =>
        config.Dataset.Source is not null ? DatasetSamples.Build(config, fields ?? throw new ExperimentFailedException($"Dataset {config.Dataset.Source} was not read."))
        : config.Simulation.Atmosphere == ConfigChoices.ReferenceAtmosphere ? ReferenceAtmosphere.Generate(config)
        : StructuredAtmosphere.Generate(config);

    /// <summary>The forecast from <paramref name="modelData"/>'s first validation state, in physical units.</summary>
    private static Tensor PhysicalForecast(ExperimentConfig config, ExperimentData data, ExperimentData modelData, ChannelScaling? scaling, FlowModel model, CancellationToken cancellationToken)
    {
        var forecast = Forecast.Run(config, modelData, model, cancellationToken);
        if (scaling is null)
        {
            return forecast;
        }
        var physical = scaling.Restore(forecast);
        // The trajectory starts at the initial state itself, not at its round trip through the scaling.
        physical[0].copy_(data.ForecastX0[0]);
        return physical;
    }

    /// <summary>Fields supplied by the caller have no known next state: their forecast carries no target or scores.</summary>
    private static ModelForecast ForecastOf(PredictionResult prediction, bool targetKnown) => new(
        prediction.Times,
        [.. prediction.Channels.Select(channel => targetKnown
            ? new ChannelForecast(channel.Name, channel.Initial, channel.Trajectory, channel.Target, channel.Rmse, channel.BaselineRmse, channel.Skill)
            : new ChannelForecast(channel.Name, channel.Initial, channel.Trajectory, null, null, null, null))],
        prediction.ModelEpoch);
}
