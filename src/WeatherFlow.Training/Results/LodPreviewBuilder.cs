using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Training.Results;

/// <summary>
/// The level-of-detail pyramid of contract §3.5 over the final predicted field [C, H, W]: per level, tiles of
/// max(1, chunk ≫ level) cells at stride size − overlap, row-major, ends clipped; mean and std over all channels.
/// </summary>
internal static class LodPreviewBuilder
{
    public static LodPreview Build(float[] field, int channels, int height, int width, LodConfig lod)
    {
        var minChunk = Math.Max(1, lod.MinChunk);
        var maxChunk = Math.Max(minChunk, lod.MaxChunk);
        var chunkLat = Math.Min(maxChunk, Math.Max(minChunk, height));
        var chunkLon = Math.Min(maxChunk, Math.Max(minChunk, width));
        var tiles = new List<LodTile>();
        for (var level = 0; level <= Math.Max(0, lod.MaxZoom); level++)
        {
            var (sizeLat, sizeLon) = (Math.Max(1, chunkLat >> level), Math.Max(1, chunkLon >> level));
            var (strideLat, strideLon) = (Math.Max(1, sizeLat - lod.Overlap), Math.Max(1, sizeLon - lod.Overlap));
            var index = 0;
            for (var latStart = 0; latStart < height; latStart += strideLat)
            {
                var latEnd = Math.Min(height, latStart + sizeLat);
                for (var lonStart = 0; lonStart < width; lonStart += strideLon)
                {
                    var lonEnd = Math.Min(width, lonStart + sizeLon);
                    var (mean, std) = FieldStatistics.MeanStd(Window(field, channels, height, width, latStart..latEnd, lonStart..lonEnd));
                    tiles.Add(new(level, $"L{level}-{index++}", latStart, latEnd, lonStart, lonEnd, mean, std));
                }
            }
        }
        return new([chunkLat, chunkLon], tiles);
    }

    private static IEnumerable<float> Window(float[] field, int channels, int height, int width, Range rows, Range columns)
    {
        for (var c = 0; c < channels; c++)
        {
            for (var row = rows.Start.Value; row < rows.End.Value; row++)
            {
                for (var column = columns.Start.Value; column < columns.End.Value; column++)
                {
                    yield return field[(c * height + row) * width + column];
                }
            }
        }
    }
}
