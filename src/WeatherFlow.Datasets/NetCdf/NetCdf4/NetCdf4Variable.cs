using PureHDF;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>
/// A variable and the dataset holding it. <paramref name="StoredRecords"/> is the dataset's extent along its first
/// dimension, which for an unlimited dimension may be fewer than the dimension's length: the rest reads as fill.
/// </summary>
internal sealed record NetCdf4Variable(NetCdfVariable Header, IH5Dataset Dataset, long StoredRecords);
