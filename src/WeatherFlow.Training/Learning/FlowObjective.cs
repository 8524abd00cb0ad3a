using WeatherFlow.Contracts.Config;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// The per-batch losses of contract §3.4. The reference objective feeds the model x0 and asks for (x1 − x0)/(1 − t);
/// the rectified objective feeds x_t = (1 − t)·x0 + t·x1 and asks for x1 − x0. The rollout integrates only sample 0,
/// because the reference compares only sample 0's end state (with every target in the batch) and the rest of its
/// batch-wide solve is thrown away. When learning, the batch term is backpropagated before the rollout runs, and the
/// rollout's own graph is bounded (<see cref="RolloutGradient"/>): the gradient is the same sum, but the peak memory is
/// one of the two graphs, not both.
/// </summary>
internal sealed class FlowObjective(ExperimentConfig config, FlowModel model, Tensor staticFeatures, Tensor? mask)
{
    private readonly TrainingConfig training = config.Training;
    private readonly bool rectified = config.Training.Objective == ConfigChoices.RectifiedObjective;
    private readonly double[] rolloutTimes = OdeSolver.UnitInterval(config.Training.RolloutSteps);
    private readonly RolloutGradient rolloutGradient = new(config.Training.SolverMethod, config.Model.HiddenDim,
        new GridSize((int)staticFeatures.shape[2], (int)staticFeatures.shape[3]));

    public BatchLosses Compute(Tensor x0, Tensor x1, Tensor forcing, Generator generator, bool learn, CancellationToken cancellationToken)
    {
        var t = rand(x0.shape[0], generator: generator);
        var tColumn = t.view(-1, 1, 1, 1);
        var input = rectified ? x0 + tColumn * (x1 - x0) : x0;
        var target = rectified ? x1 - x0 : (x1 - x0) / (1 - tColumn);
        var velocity = model.call(input, t, staticFeatures, forcing);
        var flow = FlowLoss(velocity, target);
        var divergence = zeros(1).squeeze();
        var energyDiff = zeros(1).squeeze();
        var direct = flow;
        if (config.Model.PhysicsInformed)
        {
            if (velocity.shape[1] >= 2)
            {
                var div = FiniteDifference.Gradient(velocity.narrow(1, 0, 1), 3) + FiniteDifference.Gradient(velocity.narrow(1, 1, 1), 2);
                divergence = div.square().mean();
                direct += 0.1 * divergence;
            }
            var energy0 = x0.square().sum();
            energyDiff = (energy0 - x1.square().sum()).abs() / (energy0 + 1e-6);
        }
        if (learn)
        {
            direct.backward();
        }

        var rollout = zeros(1).squeeze();
        if (training.RolloutSteps > 1 && training.RolloutWeight > 0)
        {
            var field = model.Field(staticFeatures, forcing.narrow(0, 0, 1));
            var start = x0.narrow(0, 0, 1);
            var rolloutTarget = rectified ? x1.narrow(0, 0, 1) : x1;
            Tensor RolloutLoss(Tensor final) => MaskedMean((final - rolloutTarget).square());
            rollout = learn
                ? rolloutGradient.Backpropagate(field, start, rolloutTimes, RolloutLoss, training.RolloutWeight, cancellationToken)
                : RolloutLoss(OdeSolver.SolveFinal(training.SolverMethod, field, start, rolloutTimes, cancellationToken));
        }
        var total = direct.detach() + training.RolloutWeight * rollout.detach();
        return new(total, flow.detach(), divergence.detach(), rollout.detach(), energyDiff);
    }

    private Tensor FlowLoss(Tensor velocity, Tensor target)
    {
        var reduction = mask is null ? nn.Reduction.Mean : nn.Reduction.None;
        var loss = training.LossType switch
        {
            ConfigChoices.Huber => nn.functional.huber_loss(velocity, target, delta: 1.0, reduction: reduction),
            ConfigChoices.SmoothL1 => nn.functional.smooth_l1_loss(velocity, target, reduction: reduction),
            _ => nn.functional.mse_loss(velocity, target, reduction: reduction),
        };
        return mask is null ? loss : MaskedMean(loss);
    }

    /// <summary>The mean over the cells that count: fill cells of a dataset add nothing to a loss.</summary>
    private Tensor MaskedMean(Tensor elementwise) =>
        mask is null ? elementwise.mean() : (elementwise * mask).sum() / (mask.sum() * elementwise.shape[0] * elementwise.shape[1]);
}
