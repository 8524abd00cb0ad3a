using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// Random large-scale fields with a red spectrum: sums of low-order sphere-like modes cos(mλ + α)·cos^min(m,2)(φ)·
/// cos(k(φ + π/2)) for zonal wavenumbers m ≤ 6 and meridional k ≤ 4, weighted 1/(1 + m² + k²) so large scales
/// dominate; zonal modes vanish at the poles, as spherical harmonics do. Each field has mean 0 and standard deviation 1.
/// </summary>
internal sealed class SmoothFields(SphereGrid grid)
{
    private const int MaxZonalWavenumber = 6;
    private const int MeridionalModes = 5;

    private readonly (Tensor Basis, Tensor Weights) modes = Basis(grid);

    public Tensor Draw(int count, Generator generator)
    {
        var (basis, weights) = modes;
        var coefficients = randn([count, weights.shape[0]], generator: generator) * weights;
        var fields = coefficients.matmul(basis.view(weights.shape[0], -1)).view(count, grid.Size.Lat, grid.Size.Lon);
        fields -= fields.mean([1, 2], keepdim: true);
        return fields / fields.std([1, 2], keepdim: true, unbiased: false).clamp(min: 1e-6);
    }

    private static (Tensor Basis, Tensor Weights) Basis(SphereGrid grid)
    {
        var modes = new List<Tensor>();
        var weights = new List<float>();
        var colatitude = grid.Latitude + Math.PI / 2;
        for (var m = 0; m <= MaxZonalWavenumber; m++)
        {
            var envelope = grid.CosLatitude.pow(Math.Min(m, 2));
            for (var k = m == 0 ? 1 : 0; k < MeridionalModes; k++)
            {
                var meridional = envelope * (colatitude * k).cos();
                var weight = 1f / (1 + m * m + k * k);
                modes.Add(meridional * (grid.Longitude * m).cos());
                weights.Add(weight);
                if (m > 0)
                {
                    modes.Add(meridional * (grid.Longitude * m).sin());
                    weights.Add(weight);
                }
            }
        }
        return (stack(modes), tensor(weights.ToArray()));
    }
}
