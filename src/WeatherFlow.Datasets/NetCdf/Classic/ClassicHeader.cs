namespace WeatherFlow.Datasets.NetCdf.Classic;

internal sealed record ClassicHeader(
    NetCdfFormat Format,
    long RecordCount,
    long RecordBytes,
    IReadOnlyList<NetCdfDimension> Dimensions,
    IReadOnlyList<NetCdfAttribute> Attributes,
    IReadOnlyList<ClassicVariable> Variables);
