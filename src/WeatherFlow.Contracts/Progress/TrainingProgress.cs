namespace WeatherFlow.Contracts.Progress;

/// <summary>
/// What the engine reports while it runs. <see cref="Batch"/> and <see cref="Batches"/> are 0 in phases without
/// batches; the losses are running means over the current phase's batches so far, null before the first.
/// </summary>
/// <param name="Phase">One of <see cref="TrainingPhase"/>'s values.</param>
/// <param name="Percent">Overall completion, 0–100.</param>
/// <param name="Step">A human-readable position, e.g. <c>epoch 2/5, batch 7/16</c>.</param>
public sealed record TrainingProgress(
    string Phase,
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double Percent,
    string Step,
    double? Loss,
    double? FlowLoss);
