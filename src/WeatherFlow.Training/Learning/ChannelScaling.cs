using WeatherFlow.Contracts.Models;
using WeatherFlow.Training.Data;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// The training inputs' climatology, per channel and latitude ([1, C, H, 1]), and the standard deviation of the
/// departures from it, per channel ([1, C, 1, 1]): the model sees and forecasts anomalies (x − mean)/std of order 1,
/// whatever the channel's unit, and the forecast is turned back into physical units.
/// </summary>
internal sealed record ChannelScaling(Tensor Mean, Tensor Std)
{
    /// <param name="mask">[1, 1, H, W], 1 where a cell counts; null: every cell does.</param>
    public static ChannelScaling Of(Tensor trainX0, Tensor? mask = null)
    {
        if (mask is null)
        {
            var mean = trainX0.mean([0, 3], keepdim: true);
            return new(mean, (trainX0 - mean).std([0, 2, 3], keepdim: true, unbiased: false).clamp(min: 1e-6));
        }
        var weights = mask.expand_as(trainX0);
        var maskedMean = (trainX0 * weights).sum([0, 3], keepdim: true) / weights.sum([0, 3], keepdim: true).clamp(min: 1);
        var departures = (trainX0 - maskedMean) * weights;
        var variance = departures.square().sum([0, 2, 3], keepdim: true) / weights.sum([0, 2, 3], keepdim: true).clamp(min: 1);
        return new(maskedMean, variance.sqrt().clamp(min: 1e-6));
    }

    /// <summary>The scaling a stored model was trained with, from its metadata.</summary>
    public static ChannelScaling From(ChannelNormalisation normalisation)
    {
        var (channels, latitudes) = (normalisation.Std.Count, normalisation.Mean[0].Count);
        var mean = tensor(normalisation.Mean.SelectMany(row => row).Select(value => (float)value).ToArray(), [1, channels, latitudes, 1]);
        return new(mean, tensor(normalisation.Std.Select(value => (float)value).ToArray(), [1, channels, 1, 1]));
    }

    public ExperimentData Standardise(ExperimentData data) => data with
    {
        TrainX0 = Standardise(data.TrainX0),
        TrainX1 = Standardise(data.TrainX1),
        ValX0 = Standardise(data.ValX0),
        ValX1 = Standardise(data.ValX1),
        TestX0 = data.TestX0 is null ? null : Standardise(data.TestX0),
        TestX1 = data.TestX1 is null ? null : Standardise(data.TestX1),
    };

    /// <param name="states">[T or N, C, H, W] standardised.</param>
    public Tensor Restore(Tensor states) => states * Std + Mean;

    public Tensor Standardise(Tensor states) => (states - Mean) / Std;
}
