using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Results;

/// <summary>Assembles the contract's result document from a finished run; all numbers leave native memory here, in one read per tensor.</summary>
internal static class ResultBuilder
{
    public static ExperimentResult Build(Guid experimentId, ExperimentConfig config, ExperimentData data, Tensor forecast,
        IReadOnlyList<EpochMetrics> train, IReadOnlyList<ValidationEpochMetrics> validation, int modelEpoch, TimeSpan duration,
        EvaluationResult evaluation)
    {
        var (height, width) = (data.Grid.Lat, data.Grid.Lon);
        var trajectory = Read(forecast);
        var finalField = trajectory[^(data.Channels * height * width)..];
        var simulation = config.Simulation;
        return new(
            experimentId.ToString(),
            config,
            data.ChannelNames,
            new TrainingMetrics(train),
            new ValidationMetrics(validation),
            DatasetSummaryBuilder.Build(data.TrainX0, data.ChannelNames),
            Prediction(config, data, trajectory, modelEpoch),
            LodPreviewBuilder.Build(finalField, data.Channels, height, width, simulation.Lod),
            new SimulationSummary(simulation.Core, simulation.ResolutionTier, data.Grid, data.TimeStepSeconds, simulation.Atmosphere, data.Units),
            new ExecutionSummary(duration.TotalSeconds))
        {
            DatasetSource = data.Source is { } source ? source with { TestScores = TestScoresOf(evaluation) } : null,
            Evaluation = evaluation,
        };
    }

    /// <summary>The forecast from the first validation (a dataset's: test) sample, scored against its true next state over the cells that count.</summary>
    /// <param name="trajectory">The forecast [T, C, H, W], flattened.</param>
    public static PredictionResult Prediction(ExperimentConfig config, ExperimentData data, float[] trajectory, int modelEpoch)
    {
        using var climatology = data.TrainX1.mean([0]);
        return PredictionBuilder.Build(OdeSolver.UnitInterval(config.Training.TimeSteps), data.ChannelNames, data.Grid.Lat, data.Grid.Lon,
            trajectory, Read(data.ForecastX0[0]), Read(data.ForecastX1[0]), Read(climatology), modelEpoch,
            data.Mask is { } mask ? [.. Read(mask).Select(cell => cell > 0)] : null);
    }

    /// <summary>The one-lead rows of the evaluation: the model's own forecast from every test pair against persistence.</summary>
    private static IReadOnlyList<TestChannelScore> TestScoresOf(EvaluationResult evaluation) =>
        [.. evaluation.Scores.Where(score => score.Steps == 1)
            .Select(score => new TestChannelScore(score.Channel, score.Model.Rmse, score.Persistence.Rmse, score.SkillVsPersistence))];

    public static float[] Read(Tensor tensor) => tensor.contiguous().data<float>().ToArray();
}
