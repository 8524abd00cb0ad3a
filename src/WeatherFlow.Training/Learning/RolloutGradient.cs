using WeatherFlow.Contracts.Config;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// Backpropagates the rollout loss through the solver. Keeping the whole autograd graph is the fastest way while
/// the solve is short; its memory grows with every step an adaptive solver takes, though, so past a memory budget
/// the solve is redone step-checkpointed (<see cref="CheckpointedSolve"/>), whose memory is one step's. A solve that
/// needed the fallback makes the next batch start checkpointed, since stiffness changes slowly during training.
/// </summary>
internal sealed class RolloutGradient
{
    // Measured: a grid-model evaluation with autograd keeps about 64 floats per hidden channel and grid cell alive.
    private const long BytesPerHiddenCell = 64 * sizeof(float);
    private const long GraphBudgetBytes = 256L << 20;

    private readonly string method;
    private readonly long evaluationBudget;
    private bool previousWasLong;

    public RolloutGradient(string method, int hiddenDim, GridSize grid)
    {
        this.method = method;
        evaluationBudget = GraphBudgetBytes / (BytesPerHiddenCell * hiddenDim * grid.Lat * grid.Lon);
    }

    /// <returns>The rollout loss, detached; its gradient, times <paramref name="weight"/>, is in the parameters.</returns>
    public Tensor Backpropagate(Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, Func<Tensor, Tensor> loss, double weight, CancellationToken cancellationToken)
    {
        if (!previousWasLong && TryDirect(field, x0, times, loss, weight, cancellationToken) is { } direct)
        {
            return direct;
        }
        var (value, steps) = CheckpointedSolve.Backpropagate(method, field, x0, times, loss, weight, cancellationToken);
        previousWasLong = steps > DirectStepLimit(times);
        return value;
    }

    private Tensor? TryDirect(Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, Func<Tensor, Tensor> loss, double weight, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var states = method == ConfigChoices.Dopri5
            ? Dopri5.TrySolve(field, x0, [times[0], times[^1]], DirectStepLimit(times), cancellationToken)
            : times.Count - 1 <= DirectStepLimit(times) ? OdeSolver.Solve(method, field, x0, times, cancellationToken) : null;
        if (states is null)
        {
            previousWasLong = true;
            return null;
        }
        var value = loss(states[^1]);
        (weight * value).backward();
        return value.detach().MoveToOuterDisposeScope();
    }

    /// <summary>How many steps fit in the budget: dopri5 evaluates 6 stages per step plus 2 to start, rk4 4, midpoint 2.</summary>
    private int DirectStepLimit(IReadOnlyList<double> times) => method switch
    {
        ConfigChoices.Dopri5 => (int)Math.Max(0, (evaluationBudget - 2) / 6),
        ConfigChoices.Rk4 => (int)(evaluationBudget / 4),
        _ => (int)(evaluationBudget / 2),
    };
}
