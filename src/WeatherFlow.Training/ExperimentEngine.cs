using WeatherFlow.Contracts.Experiments;

namespace WeatherFlow.Training;

/// <summary>Runs one experiment: config in, progress out, result back; cancellable at batch boundaries.</summary>
public sealed class ExperimentEngine(ExperimentEngineOptions options)
{
    public ExperimentResult Run(ExperimentConfig config, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        cancellationToken.ThrowIfCancellationRequested();
        throw new ExperimentFailedException($"The training engine is not built yet (threads {options.Threads}).");
    }
}
