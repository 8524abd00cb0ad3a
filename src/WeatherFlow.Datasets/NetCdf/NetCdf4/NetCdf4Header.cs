namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

internal sealed record NetCdf4Header(
    IReadOnlyList<NetCdfDimension> Dimensions,
    IReadOnlyList<NetCdfAttribute> Attributes,
    IReadOnlyList<NetCdf4Variable> Variables);
