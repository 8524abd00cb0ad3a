using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>
/// torch.gradient with unit spacing and edge_order 1: central differences inside, one-sided at the edges. A
/// dimension of one point (a thin inference tile) has no gradient, so it gives zeros rather than an error.
/// </summary>
internal static class FiniteDifference
{
    public static Tensor Gradient(Tensor x, int dim)
    {
        var n = x.shape[dim];
        if (n < 2)
        {
            return zeros_like(x);
        }
        var first = x.narrow(dim, 1, 1) - x.narrow(dim, 0, 1);
        var last = x.narrow(dim, n - 1, 1) - x.narrow(dim, n - 2, 1);
        if (n == 2)
        {
            return cat([first, last], dim);
        }
        var inside = (x.narrow(dim, 2, n - 2) - x.narrow(dim, 0, n - 2)) * 0.5;
        return cat([first, inside, last], dim);
    }
}
