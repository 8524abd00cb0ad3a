namespace WeatherFlow.Datasets.NetCdf;

/// <summary>Checks the values a read would produce against the limits before any buffer for them is allocated.</summary>
internal static class NetCdfReadBudget
{
    /// <returns>The number of values in a block of <paramref name="shape"/>.</returns>
    public static int ValueCount(NetCdfVariable variable, IEnumerable<long> shape, NetCdfLimits limits)
    {
        var elementSize = NetCdfTypeInfo.SizeOf(variable.Type);
        var count = 1L;
        foreach (var length in shape)
        {
            if (length < 0)
                throw new NetCdfFormatException($"Variable '{variable.Name}' has a negative dimension length ({length}).");
            if (length != 0 && count > limits.MaxVariableBytes / elementSize / length)
                throw TooLarge(variable, limits);
            count *= length;
        }
        if (count * elementSize > limits.MaxVariableBytes || count > Array.MaxLength)
            throw TooLarge(variable, limits);
        return (int)count;
    }

    private static NetCdfFormatException TooLarge(NetCdfVariable variable, NetCdfLimits limits) =>
        new($"Variable '{variable.Name}' would read more than {limits.MaxVariableBytes} bytes (MaxVariableBytes).");
}
