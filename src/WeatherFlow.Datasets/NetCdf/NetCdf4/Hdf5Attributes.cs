using PureHDF;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>HDF5 attributes as NetCDF ones, leaving out those netCDF-C keeps for its own bookkeeping.</summary>
internal static class Hdf5Attributes
{
    /// <summary>Dimension-scale plumbing and netCDF-C's private attributes: ncdump does not show them either.</summary>
    private static readonly HashSet<string> Bookkeeping =
        ["CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates", "_NCProperties", "_nc3_strict", "_SuperblockVersion", "_IsNetcdf4"];

    public static IReadOnlyList<NetCdfAttribute> Read(IH5Object owner, NetCdfLimits limits) =>
        [.. owner.Attributes().Where(attribute => !Bookkeeping.Contains(attribute.Name)).Take(limits.MaxCount + 1).Select(attribute => Convert(attribute, owner, limits))];

    public static string? Text(IH5Object owner, string name) =>
        owner.AttributeExists(name) && owner.Attribute(name) is { Type.Class: H5DataTypeClass.String } attribute
            ? string.Concat(attribute.Read<string[]>()).TrimEnd('\0')
            : null;

    public static int[]? Integers(IH5Object owner, string name) =>
        owner.AttributeExists(name) && owner.Attribute(name) is { Type: { Class: H5DataTypeClass.FixedPoint, Size: 4 } } attribute
            ? attribute.Read<int[]>()
            : null;

    private static NetCdfAttribute Convert(IH5Attribute attribute, IH5Object owner, NetCdfLimits limits)
    {
        if (attribute.Name.Length > limits.MaxNameLength)
            throw new NetCdfFormatException($"An attribute of '{owner.Name}' has a {attribute.Name.Length}-character name (at most {limits.MaxNameLength}).");
        var count = attribute.Space.Dimensions.Aggregate(1UL, (product, length) => product * length);
        if (count * (ulong)Math.Max(1, attribute.Type.Size) > (ulong)limits.MaxHeaderBytes)
            throw new NetCdfFormatException($"Attribute '{attribute.Name}' of '{owner.Name}' claims more than {limits.MaxHeaderBytes} bytes (MaxHeaderBytes).");
        return attribute.Type.Class switch
        {
            H5DataTypeClass.String or H5DataTypeClass.VariableLength =>
                new NetCdfAttribute(attribute.Name, string.Join("\n", attribute.Read<string[]>()).TrimEnd('\0'), null),
            H5DataTypeClass.FixedPoint or H5DataTypeClass.FloatingPoint =>
                new NetCdfAttribute(attribute.Name, null, Hdf5Numbers.Read(Hdf5Types.ToNetCdf(attribute.Type, attribute.Name), attribute)),
            var other => throw new NetCdfFormatException($"Attribute '{attribute.Name}' of '{owner.Name}' has HDF5 type class {other}, which NetCDF does not use for attributes."),
        };
    }
}
