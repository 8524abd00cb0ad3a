namespace WeatherFlow.Contracts.Config;

public sealed record TrainingConfig
{
    public int Epochs { get; init; } = 2;
    public int BatchSize { get; init; } = 8;
    public double LearningRate { get; init; } = 5e-4;
    public string SolverMethod { get; init; } = ConfigChoices.Dopri5;
    public int TimeSteps { get; init; } = 5;
    public string LossType { get; init; } = ConfigChoices.Mse;
    public int Seed { get; init; } = 42;
    public double DynamicsScale { get; init; } = 0.15;
    public int RolloutSteps { get; init; } = 3;
    public double RolloutWeight { get; init; } = 0.3;

    /// <summary>
    /// WeatherFlow's addition. <c>rectified</c> (default) is proper rectified flow: the model sees
    /// x_t = (1 − t)·x0 + t·x1 and learns x1 − x0, starts out predicting persistence, has its gradients clipped, and
    /// the best validation epoch's weights make the forecast; sample 0's rollout is compared with its own target.
    /// <c>reference</c> reproduces the reference server: the model sees x0 and learns (x1 − x0)/(1 − t), the rollout
    /// compares sample 0's end state with every target, and the last epoch forecasts.
    /// </summary>
    public string Objective { get; init; } = ConfigChoices.RectifiedObjective;
}
