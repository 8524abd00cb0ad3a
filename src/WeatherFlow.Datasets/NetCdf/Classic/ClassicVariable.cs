namespace WeatherFlow.Datasets.NetCdf.Classic;

/// <summary>
/// Where a variable's data lies: from <paramref name="Begin"/> in one block, or, for a record variable, one slice
/// per record, the records <see cref="ClassicHeader.RecordBytes"/> apart.
/// </summary>
internal sealed record ClassicVariable(NetCdfVariable Header, long Begin, bool IsRecord, long SliceBytes);
