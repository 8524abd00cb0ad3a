using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>
/// Dormand–Prince 5(4) with torchdiffeq's step control (RMS error norm, safety 0.9, growth ≤ 10, shrink ≥ 0.2,
/// rtol = atol = 1e-4) and its dense output for intermediate times; the last step is shortened to end exactly at
/// the final time. Step sizes are decided on detached values: the solution stays differentiable, but autograd
/// does not also trace the controller, which costs time and memory and changes nothing a user sees.
/// </summary>
internal static class Dopri5
{
    private const double Tolerance = 1e-4;
    private const double Safety = 0.9;
    private const double MaxGrowth = 10;
    private const double MaxShrink = 0.2;
    private const int MaxSteps = 20_000;

    /// <param name="accepted">When given, receives each accepted step's start time, size and start state.</param>
    public static Tensor[] Solve(Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, CancellationToken cancellationToken,
        List<OdeStep>? accepted = null) =>
        TrySolve(field, x0, times, int.MaxValue, cancellationToken, accepted)!;

    /// <returns>The states at <paramref name="times"/>, or null as soon as more than <paramref name="stepLimit"/> steps would be needed.</returns>
    public static Tensor[]? TrySolve(Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, int stepLimit,
        CancellationToken cancellationToken, List<OdeStep>? accepted = null)
    {
        var states = new Tensor[times.Count];
        states[0] = x0;
        var (t, y, end) = (times[0], x0, times[^1]);
        var slope = field(t, y);
        var h = InitialStep(field, t, y, slope, end - t);
        var (attempts, steps, output) = (0, 0, 1);
        while (output < times.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++attempts > MaxSteps)
            {
                throw new ExperimentFailedException($"The dopri5 solver needed more than {MaxSteps} steps at t = {t:0.####}: the learned field is too stiff. Try the rk4 or midpoint solver, or a lower learning rate.");
            }
            var dt = Math.Min(h, end - t);
            using var scope = NewDisposeScope();
            var (next, slopes, errorRatio) = Dopri5Step.Take(field, t, dt, y, slope, Tolerance);
            if (!double.IsFinite(errorRatio))
            {
                throw new ExperimentFailedException($"The ODE solution diverged (non-finite state) at t = {t:0.####}. Try a lower learning rate or dynamics scale.");
            }
            if (errorRatio <= 1)
            {
                if (++steps > stepLimit)
                {
                    return null;
                }
                accepted?.Add(new(t, dt, y));
                var reached = dt == end - t ? end : t + dt;
                for (; output < times.Count && times[output] < reached; output++)
                {
                    states[output] = Dopri5Interpolation.At(times[output], t, dt, y, next, slopes).MoveToOuterDisposeScope();
                }
                (t, y, slope) = (reached, next.MoveToOuterDisposeScope(), slopes[^1].MoveToOuterDisposeScope());
                for (; output < times.Count && times[output] == reached; output++)
                {
                    states[output] = y;
                }
            }
            h = NextStep(dt, errorRatio);
        }
        return states;
    }

    private static double NextStep(double dt, double errorRatio)
    {
        if (errorRatio == 0)
        {
            return dt * MaxGrowth;
        }
        var shrinkLimit = errorRatio < 1 ? 1 : MaxShrink;
        return dt * Math.Min(MaxGrowth, Math.Max(Safety / Math.Pow(errorRatio, 1.0 / 5), shrinkLimit));
    }

    /// <summary>Hairer's starting step, as torchdiffeq's <c>_select_initial_step</c> computes it.</summary>
    private static double InitialStep(Func<double, Tensor, Tensor> field, double t0, Tensor y0, Tensor f0, double span)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (y, f) = (y0.detach(), f0.detach());
        var scale = Tolerance + y.abs() * Tolerance;
        var d0 = Rms(y / scale);
        var d1 = Rms(f / scale);
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        var f1 = field(t0 + h0, y + h0 * f);
        var d2 = Rms((f1 - f) / scale) / h0;
        var h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / 5);
        return Math.Min(Math.Min(100 * h0, h1), span);
    }

    internal static double Rms(Tensor x) => x.square().mean().sqrt().item<float>();
}
