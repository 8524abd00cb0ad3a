using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>One Dormand–Prince step: the 5th-order solution, the stage slopes (the last is reused as the next step's first) and the RMS error ratio.</summary>
internal static class Dopri5Step
{
    private static readonly double[] Nodes = [1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];

    private static readonly double[][] Stages =
    [
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];

    private static readonly double[] ErrorWeights =
    [
        35.0 / 384 - 1951.0 / 21600, 0, 500.0 / 1113 - 22642.0 / 50085, 125.0 / 192 - 451.0 / 720,
        -2187.0 / 6784 + 12231.0 / 42400, 11.0 / 84 - 649.0 / 6300, -1.0 / 60,
    ];

    public static (Tensor Next, Tensor[] Slopes, double ErrorRatio) Take(Func<double, Tensor, Tensor> field, double t, double dt, Tensor y, Tensor slope, double tolerance)
    {
        var (next, k) = Advance(field, t, dt, y, slope, endSlope: true);
        using var noGrad = no_grad();
        var error = dt * Combine(ErrorWeights, k.Select(stage => stage.detach()).ToArray());
        var scale = tolerance + maximum(y.detach().abs(), next.detach().abs()) * tolerance;
        return (next, k, Dopri5.Rms(error / scale));
    }

    /// <summary>The 5th-order solution and the stage slopes, without the error estimate.</summary>
    /// <param name="endSlope">Also evaluate the slope at the new state (the 7th stage), which only the error estimate and the next step use.</param>
    public static (Tensor Next, Tensor[] Slopes) Advance(Func<double, Tensor, Tensor> field, double t, double dt, Tensor y, Tensor slope, bool endSlope)
    {
        var k = new Tensor[7];
        k[0] = slope;
        var next = y;
        for (var stage = 0; stage < Stages.Length; stage++)
        {
            next = y + dt * Combine(Stages[stage], k);
            if (stage < Stages.Length - 1 || endSlope)
            {
                k[stage + 1] = field(t + Nodes[stage] * dt, next);
            }
        }
        return (next, k);
    }

    private static Tensor Combine(double[] weights, Tensor[] k)
    {
        Tensor? sum = null;
        for (var j = 0; j < weights.Length; j++)
        {
            if (weights[j] != 0)
            {
                sum = sum is null ? k[j] * weights[j] : sum.add(k[j], alpha: weights[j]);
            }
        }
        return sum!;
    }
}
