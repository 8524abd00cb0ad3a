using WeatherFlow.Contracts.Experiments;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The synthetic atmosphere of one experiment. States are [N, C, H, W]; forcing is [N, 1]; <see cref="Static"/> is
/// [1, 2, H, W] and broadcasts over any batch, since every sample shares the same orography and land mask.
/// <see cref="Units"/> holds each channel's unit, in the order of <see cref="ChannelNames"/>.
/// </summary>
internal sealed record ExperimentData(
    Tensor TrainX0,
    Tensor TrainX1,
    Tensor TrainForcing,
    Tensor ValX0,
    Tensor ValX1,
    Tensor ValForcing,
    Tensor Static,
    IReadOnlyList<string> ChannelNames,
    IReadOnlyList<string> Units,
    GridSize Grid,
    int TimeStepSeconds)
{
    public int Channels => ChannelNames.Count;
}
