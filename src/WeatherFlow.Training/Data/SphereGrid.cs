using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// A regular latitude–longitude grid of cell centres (latitude ascending from the south, longitude periodic) with
/// the derivatives in metres that the structured atmosphere needs. Fields are [..., H, W].
/// </summary>
internal sealed class SphereGrid
{
    public const double EarthRadius = 6.371e6;
    public const double EarthRotation = 7.292e-5;

    /// <summary>|sin φ| is kept above sin 15° in the Coriolis parameter, so the geostrophic winds stay finite at the
    /// equator, where real winds are not geostrophic either.</summary>
    private static readonly double MinimumSinLatitude = Math.Sin(Math.PI / 12);

    public SphereGrid(GridSize size)
    {
        Size = size;
        LatitudeStep = Math.PI / size.Lat;
        LongitudeStep = 2 * Math.PI / size.Lon;
        Latitude = (arange(size.Lat, dtype: ScalarType.Float32) * LatitudeStep + (LatitudeStep / 2 - Math.PI / 2)).view(size.Lat, 1);
        Longitude = (arange(size.Lon, dtype: ScalarType.Float32) * LongitudeStep).view(1, size.Lon);
        CosLatitude = Latitude.cos();
        var sinLatitude = Latitude.sin();
        var sign = sinLatitude.ge(0).to_type(ScalarType.Float32) * 2 - 1;
        Coriolis = 2 * EarthRotation * sign * sinLatitude.abs().clamp(min: MinimumSinLatitude);
    }

    public GridSize Size { get; }
    public double LatitudeStep { get; }
    public double LongitudeStep { get; }

    /// <summary>[H, 1] radians, cell centres.</summary>
    public Tensor Latitude { get; }

    /// <summary>[1, W] radians from 0.</summary>
    public Tensor Longitude { get; }

    public Tensor CosLatitude { get; }

    /// <summary>f = 2Ω sin φ, [H, 1], with |sin φ| floored near the equator.</summary>
    public Tensor Coriolis { get; }

    /// <summary>∂/∂x = 1/(a cos φ) ∂/∂λ, centred, wrapping in longitude.</summary>
    public Tensor DerivativeEast(Tensor field) =>
        (field.roll(-1, -1) - field.roll(1, -1)) / (2 * LongitudeStep * EarthRadius * CosLatitude);

    /// <summary>∂/∂y = 1/a ∂/∂φ, centred inside, one-sided on the first and last rows.</summary>
    public Tensor DerivativeNorth(Tensor field)
    {
        var rows = field.shape[^2];
        var inner = (field.narrow(-2, 2, rows - 2) - field.narrow(-2, 0, rows - 2)) / (2 * LatitudeStep);
        var south = (field.narrow(-2, 1, 1) - field.narrow(-2, 0, 1)) / LatitudeStep;
        var north = (field.narrow(-2, rows - 1, 1) - field.narrow(-2, rows - 2, 1)) / LatitudeStep;
        return cat([south, inner, north], -2) / EarthRadius;
    }

    /// <summary>The mean of the four neighbours minus the cell: a grid-scale Laplacian (wrapping in longitude, the
    /// edge rows reflected), used as diffusion.</summary>
    public Tensor NeighbourDifference(Tensor field)
    {
        var rows = field.shape[^2];
        var south = cat([field.narrow(-2, 0, 1), field.narrow(-2, 0, rows - 1)], -2);
        var north = cat([field.narrow(-2, 1, rows - 1), field.narrow(-2, rows - 1, 1)], -2);
        return (field.roll(1, -1) + field.roll(-1, -1) + south + north) * 0.25 - field;
    }
}
