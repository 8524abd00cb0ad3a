using WeatherFlow.Contracts.Results;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Results;

/// <summary>
/// Per-channel statistics of the training inputs x0, reduced in float32 by libtorch exactly as the reference does,
/// so the summary of a seeded dataset matches the reference's to the last digit.
/// </summary>
internal static class DatasetSummaryBuilder
{
    public static DatasetSummary Build(Tensor trainX0, IReadOnlyList<string> names)
    {
        using var scope = NewDisposeScope();
        var perChannel = trainX0.reshape(trainX0.shape[0], trainX0.shape[1], -1);
        var stats = names.Select((name, c) =>
        {
            var channel = perChannel.select(1, c);
            return new ChannelStats(name, channel.mean().item<float>(), channel.std(unbiased: false).item<float>(),
                channel.min().item<float>(), channel.max().item<float>());
        }).ToList();
        return new(stats, [.. trainX0.shape.Skip(1).Select(size => (int)size)]);
    }
}
