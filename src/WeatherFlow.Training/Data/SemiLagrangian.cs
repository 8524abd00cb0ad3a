using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// One semi-Lagrangian advection step on a <see cref="SphereGrid"/>: each cell takes the value found, by bilinear
/// interpolation, where the wind brings the air from in one step. Longitude wraps; the departure latitude is kept
/// inside the grid. Unconditionally stable, so the step needs no CFL limit. Written here because libtorch's
/// grid_sample cannot wrap one axis and clamp the other.
/// </summary>
internal static class SemiLagrangian
{
    /// <param name="field">[N, H, W]</param>
    /// <param name="east">Wind towards the east, m/s, [N, H, W].</param>
    /// <param name="north">Wind towards the north, m/s, [N, H, W].</param>
    public static Tensor Advect(SphereGrid grid, Tensor field, Tensor east, Tensor north, double seconds)
    {
        var (count, rows, columns) = (field.shape[0], grid.Size.Lat, grid.Size.Lon);
        var rowIndex = arange(rows, dtype: ScalarType.Float32).view(1, rows, 1);
        var columnIndex = arange(columns, dtype: ScalarType.Float32).view(1, 1, columns);
        var row = (rowIndex - north * (seconds / (SphereGrid.EarthRadius * grid.LatitudeStep))).clamp(0, rows - 1);
        var column = columnIndex - east * seconds / (SphereGrid.EarthRadius * grid.LongitudeStep * grid.CosLatitude);

        var row0 = row.floor().clamp(0, rows - 2);
        var rowWeight = row - row0;
        var column0 = column.floor();
        var columnWeight = column - column0;
        var west = column0.remainder(columns).to_type(ScalarType.Int64);
        var eastColumn = (west + 1).remainder(columns);
        var southRow = row0.to_type(ScalarType.Int64);
        var northRow = southRow + 1;

        var flat = field.reshape(count, rows * columns);
        Tensor At(Tensor r, Tensor c) => flat.gather(1, (r * columns + c).reshape(count, rows * columns)).view(count, rows, columns);
        return (1 - rowWeight) * ((1 - columnWeight) * At(southRow, west) + columnWeight * At(southRow, eastColumn))
            + rowWeight * ((1 - columnWeight) * At(northRow, west) + columnWeight * At(northRow, eastColumn));
    }
}
