using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>
/// torchdiffeq's <c>odeint</c> for the three methods the contract offers. Fixed-grid methods take one step per
/// interval of <c>times</c>; dopri5 adapts its steps (rtol = atol = 1e-4) and lands on each requested time. All of
/// them are ordinary tensor code, so gradients flow through a solve when autograd is on.
/// </summary>
internal static class OdeSolver
{
    /// <returns>The state at each of <paramref name="times"/>; the first is <paramref name="x0"/> itself.</returns>
    public static Tensor[] Solve(string method, Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, CancellationToken cancellationToken) =>
        method switch
        {
            ConfigChoices.Dopri5 => Dopri5.Solve(field, x0, times, cancellationToken),
            ConfigChoices.Rk4 => FixedGrid.Solve(FixedGrid.Rk4Step, field, x0, times, cancellationToken),
            ConfigChoices.Midpoint => FixedGrid.Solve(FixedGrid.MidpointStep, field, x0, times, cancellationToken),
            _ => throw new ExperimentFailedException($"Unsupported solver '{method}'."),
        };

    /// <summary>
    /// Only the state at the last time. dopri5's intermediate output times change nothing but the outputs, so it
    /// integrates straight to the end instead of stopping at each.
    /// </summary>
    public static Tensor SolveFinal(string method, Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, CancellationToken cancellationToken)
    {
        var grid = method == ConfigChoices.Dopri5 ? [times[0], times[^1]] : times;
        return Solve(method, field, x0, grid, cancellationToken)[^1];
    }

    /// <summary>linspace(0, 1, count) as the solvers' time grid.</summary>
    public static double[] UnitInterval(int count) =>
        [.. Enumerable.Range(0, count).Select(i => count == 1 ? 0.0 : (double)(float)(i / (double)(count - 1)))];
}
