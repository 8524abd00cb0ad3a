namespace WeatherFlow.Datasets;

/// <summary>
/// The cells that hold a value in every field shown to it: fill-value corners of a regional grid drop out. Inspection
/// shows it each usable step as it streams through the files; the loader shows it what it holds in memory.
/// </summary>
internal sealed class CellMask(int cells)
{
    public bool[] Valid { get; } = Enumerable.Repeat(true, cells).ToArray();

    public int Masked => Valid.Count(cell => !cell);

    public void Include(ReadOnlySpan<float> field)
    {
        for (var cell = 0; cell < Valid.Length; cell++)
        {
            Valid[cell] &= float.IsFinite(field[cell]);
        }
    }
}
