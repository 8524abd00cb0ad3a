using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>torchdiffeq's fixed-grid solvers: one step per interval of the requested times.</summary>
internal static class FixedGrid
{
    public delegate Tensor Step(Func<double, Tensor, Tensor> field, double t0, double dt, Tensor y0);

    public static Tensor[] Solve(Step step, Func<double, Tensor, Tensor> field, Tensor x0, IReadOnlyList<double> times, CancellationToken cancellationToken)
    {
        var states = new Tensor[times.Count];
        states[0] = x0;
        for (var i = 1; i < times.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            states[i] = step(field, times[i - 1], times[i] - times[i - 1], states[i - 1]);
        }
        return states;
    }

    public static Tensor MidpointStep(Func<double, Tensor, Tensor> field, double t0, double dt, Tensor y0)
    {
        var k1 = field(t0, y0);
        return y0 + dt * field(t0 + dt / 2, y0 + k1 * (dt / 2));
    }

    /// <summary>The 3/8-rule Runge–Kutta step torchdiffeq uses for "rk4".</summary>
    public static Tensor Rk4Step(Func<double, Tensor, Tensor> field, double t0, double dt, Tensor y0)
    {
        var k1 = field(t0, y0);
        var k2 = field(t0 + dt / 3, y0 + k1 * (dt / 3));
        var k3 = field(t0 + dt * 2 / 3, y0 + dt * (k2 - k1 / 3));
        var k4 = field(t0 + dt, y0 + dt * (k1 - k2 + k3));
        return y0 + (k1 + 3 * (k2 + k3) + k4) * (dt / 8);
    }
}
