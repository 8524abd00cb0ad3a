using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Training.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The synthetic atmosphere of one experiment. States are [N, C, H, W]; forcing is [N, 1]; <see cref="Static"/> is
/// [1, 2, H, W] and broadcasts over any batch, since every sample shares the same orography and land mask.
/// <see cref="Units"/> holds each channel's unit, in the order of <see cref="ChannelNames"/>. Samples of a stored
/// dataset also have a test block, a mask of the cells that count and what was used (<see cref="Source"/>); the
/// forecast of the result starts from the first test sample then, and from the first validation sample otherwise.
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

    /// <summary>[1, 1, H, W]: 1 where a cell counts in loss and scores, 0 where the dataset has fill values; null: all count.</summary>
    public Tensor? Mask { get; init; }

    public Tensor? TestX0 { get; init; }
    public Tensor? TestX1 { get; init; }
    public Tensor? TestForcing { get; init; }
    public DatasetUse? Source { get; init; }

    /// <summary>Starts the model never trained or validated on, with their truth at later steps; scored after training.</summary>
    public EvaluationSet? Evaluation { get; init; }

    public Tensor ForecastX0 => TestX0 ?? ValX0;
    public Tensor ForecastX1 => TestX1 ?? ValX1;
    public Tensor ForecastForcing => TestForcing ?? ValForcing;
}
