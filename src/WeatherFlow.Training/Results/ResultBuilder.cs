using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Results;

/// <summary>Assembles the contract's result document from a finished run; all numbers leave native memory here, in one read per tensor.</summary>
internal static class ResultBuilder
{
    public static ExperimentResult Build(Guid experimentId, ExperimentConfig config, ExperimentData data, Tensor forecast,
        IReadOnlyList<EpochMetrics> train, IReadOnlyList<ValidationEpochMetrics> validation, int modelEpoch, TimeSpan duration)
    {
        var (height, width) = (data.Grid.Lat, data.Grid.Lon);
        var trajectory = Read(forecast);
        var initial = Read(data.ValX0[0]);
        var target = Read(data.ValX1[0]);
        using var climatologyTensor = data.TrainX1.mean([0]);
        var climatology = Read(climatologyTensor);
        var times = OdeSolver.UnitInterval(config.Training.TimeSteps);
        var finalField = trajectory[^(data.Channels * height * width)..];
        var simulation = config.Simulation;
        return new(
            experimentId.ToString(),
            config,
            data.ChannelNames,
            new TrainingMetrics(train),
            new ValidationMetrics(validation),
            DatasetSummaryBuilder.Build(data.TrainX0, data.ChannelNames),
            PredictionBuilder.Build(times, data.ChannelNames, height, width, trajectory, initial, target, climatology, modelEpoch),
            LodPreviewBuilder.Build(finalField, data.Channels, height, width, simulation.Lod),
            new SimulationSummary(simulation.Core, simulation.ResolutionTier, data.Grid, data.TimeStepSeconds, simulation.Atmosphere, data.Units),
            new ExecutionSummary(duration.TotalSeconds));
    }

    private static float[] Read(Tensor tensor) => tensor.contiguous().data<float>().ToArray();
}
