using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>
/// The grid model's physics-informed step: channels 0 and 1 are taken as (u, v), their divergence on the sphere
/// (R = 6.371e6 m, wrapped lat/lon spacing) is computed, and 0.1·∇(−div) is added to nudge the field towards
/// non-divergence. Fields with fewer than two channels pass through.
/// </summary>
internal static class DivergenceCorrection
{
    private const double EarthRadius = 6.371e6;
    private const double Alpha = 0.1;

    // torch.finfo(float32).eps, which keeps 1/cos finite at the poles.
    private const double Float32Epsilon = 1.1920928955078125e-07;

    public static Tensor Apply(Tensor velocity)
    {
        if (velocity.shape[1] < 2)
        {
            return velocity;
        }
        var u = velocity.narrow(1, 0, 1);
        var v = velocity.narrow(1, 1, 1);
        var negativeDivergence = -SphericalDivergence(u, v);
        var corrected = new List<Tensor>
        {
            u + Alpha * FiniteDifference.Gradient(negativeDivergence, 3),
            v + Alpha * FiniteDifference.Gradient(negativeDivergence, 2),
        };
        if (velocity.shape[1] > 2)
        {
            corrected.Add(velocity.narrow(1, 2, velocity.shape[1] - 2));
        }
        return cat(corrected, 1);
    }

    private static Tensor SphericalDivergence(Tensor u, Tensor v)
    {
        var (height, width) = (u.shape[2], u.shape[3]);
        var cosLatitude = linspace(-Math.PI / 2, Math.PI / 2, height, dtype: u.dtype)
            .cos()
            .clamp(min: Float32Epsilon)
            .view(1, 1, height, 1);
        var dLongitude = 2 * Math.PI / Math.Max(width, 1);
        var dLatitude = Math.PI / Math.Max(height - 1, 1);
        var duDLongitude = FiniteDifference.Gradient(u, 3) / dLongitude;
        var dvCosDLatitude = FiniteDifference.Gradient(v * cosLatitude, 2) / dLatitude;
        return duDLongitude / (EarthRadius * cosLatitude) + dvCosDLatitude / EarthRadius;
    }
}
