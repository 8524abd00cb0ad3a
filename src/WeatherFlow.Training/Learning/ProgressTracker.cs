using WeatherFlow.Contracts.Progress;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// Turns the run's position into <see cref="TrainingProgress"/> reports. Percent counts batches (training and
/// validation alike) plus one unit for the prediction, which is about what a batch costs.
/// </summary>
internal sealed class ProgressTracker(IProgress<TrainingProgress>? progress, int epochs, int trainBatches, int validationBatches)
{
    private readonly int totalUnits = epochs * (trainBatches + validationBatches) + 1;
    private int doneUnits;

    public int TrainBatches => trainBatches;

    public int ValidationBatches => validationBatches;

    public void Started() => Report(TrainingPhase.Data, 0, 0, 0, "generating data", null);

    public void BatchDone(string phase, int epoch, int batch, LossSums running)
    {
        doneUnits++;
        var batches = phase == TrainingPhase.Training ? trainBatches : validationBatches;
        var what = phase == TrainingPhase.Training ? "batch" : "validation batch";
        Report(phase, epoch, batch, batches, $"epoch {epoch}/{epochs}, {what} {batch}/{batches}", running);
    }

    public void Predicting() => Report(TrainingPhase.Prediction, epochs, 0, 0, "predicting", null);

    public void Completed()
    {
        doneUnits = totalUnits;
        Report(TrainingPhase.Completed, epochs, 0, 0, "completed", null);
    }

    private void Report(string phase, int epoch, int batch, int batches, string step, LossSums? running) =>
        progress?.Report(new(phase, epoch, epochs, batch, batches, Math.Round(100.0 * doneUnits / totalUnits, 2), step,
            running?.MeanLoss, running?.MeanFlowLoss));
}
