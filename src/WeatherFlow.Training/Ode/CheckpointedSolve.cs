using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>
/// Backpropagation through a solve with the memory of a single step. The solve first runs without a graph, keeping
/// only each step's start state; the loss gradient is then carried back one step at a time by recomputing that step
/// with autograd. Step sizes were fixed by the first pass, so the gradient equals direct backpropagation through the
/// solve, but memory no longer grows with the number of steps an adaptive solver happens to take, at the cost of
/// one extra graph-free pass.
/// </summary>
internal static class CheckpointedSolve
{
    /// <summary>Accumulates the gradient of <c>weight · loss(final state)</c> into the field's parameters.</summary>
    /// <returns>loss(final state), detached, and the number of steps the solve took.</returns>
    public static (Tensor Loss, int Steps) Backpropagate(string method, Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times,
        Func<Tensor, Tensor> loss, double weight, CancellationToken cancellationToken)
    {
        var steps = new List<OdeStep>();
        Tensor final;
        using (no_grad())
        {
            final = Trace(method, field, x0, times, steps, cancellationToken);
        }
        var end = final.detach().requires_grad_();
        var value = loss(end);
        (weight * value).backward();
        var gradient = end.grad!;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var start = steps[i].Start.detach().requires_grad_();
            Step(method, field, steps[i], start).backward([gradient]);
            gradient = start.grad!.MoveToOuterDisposeScope();
        }
        return (value.detach(), steps.Count);
    }

    private static Tensor Trace(string method, Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, List<OdeStep> steps, CancellationToken cancellationToken)
    {
        if (method == ConfigChoices.Dopri5)
        {
            return Dopri5.Solve(field, x0, [times[0], times[^1]], cancellationToken, steps)[^1];
        }
        var states = OdeSolver.Solve(method, field, x0, times, cancellationToken);
        for (var i = 1; i < times.Count; i++)
        {
            steps.Add(new(times[i - 1], times[i] - times[i - 1], states[i - 1]));
        }
        return states[^1];
    }

    // dopri5's first stage is the previous step's end slope; recomputing it from the start state is the same value
    // and carries the same dependence on that state.
    private static Tensor Step(string method, Func<double, Tensor, Tensor> field, OdeStep step, Tensor start) => method switch
    {
        ConfigChoices.Dopri5 => Dopri5Step.Advance(field, step.Time, step.Size, start, field(step.Time, start), endSlope: false).Next,
        ConfigChoices.Rk4 => FixedGrid.Rk4Step(field, step.Time, step.Size, start),
        _ => FixedGrid.MidpointStep(field, step.Time, step.Size, start),
    };
}
