using WeatherFlow.Contracts.Progress;

namespace WeatherFlow.Training.Tests;

/// <summary>Records reports synchronously on the engine's thread (Progress&lt;T&gt; would post them elsewhere, later).</summary>
internal sealed class RecordingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
