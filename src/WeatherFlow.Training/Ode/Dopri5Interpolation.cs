using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>
/// Dormand–Prince's 4th-order dense output, as torchdiffeq fits it: a quartic through the step's start, end and a
/// midpoint built from the stage slopes. Output times inside a step are read off it instead of shortening steps.
/// </summary>
internal static class Dopri5Interpolation
{
    private static readonly double[] Midpoint =
    [
        6025192743.0 / 30085553152 / 2, 0, 51252292925.0 / 65400821598 / 2, -2691868925.0 / 45128329728 / 2,
        187940372067.0 / 1594534317056 / 2, -1776094331.0 / 19743644256 / 2, 11237099.0 / 235043384 / 2,
    ];

    public static Tensor At(double time, double t0, double dt, Tensor y0, Tensor y1, Tensor[] slopes)
    {
        var yMid = y0.clone();
        for (var j = 0; j < Midpoint.Length; j++)
        {
            if (Midpoint[j] != 0)
            {
                yMid = yMid.add(slopes[j], alpha: dt * Midpoint[j]);
            }
        }
        var (f0, f1) = (slopes[0], slopes[^1]);
        Tensor[] coefficients =
        [
            y0,
            dt * f0,
            dt * (f1 - 4 * f0) - 11 * y0 - 5 * y1 + 16 * yMid,
            dt * (5 * f0 - 3 * f1) + 18 * y0 + 14 * y1 - 32 * yMid,
            2 * dt * (f1 - f0) - 8 * (y1 + y0) + 16 * yMid,
        ];
        var x = (time - t0) / dt;
        var total = coefficients[0];
        var power = 1.0;
        for (var i = 1; i < coefficients.Length; i++)
        {
            power *= x;
            total = total.add(coefficients[i], alpha: power);
        }
        return total;
    }
}
