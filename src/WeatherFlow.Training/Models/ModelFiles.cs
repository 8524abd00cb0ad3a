using TorchSharp.PyBridge;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Training.Learning;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>A model to and from the safetensors file PyTorch users load with <c>safetensors.torch.load_file</c>.</summary>
internal static class ModelFiles
{
    public static TrainedModel Export(FlowModel model, ExperimentConfig config, IReadOnlyList<string> channels, GridSize grid, int epoch, ChannelScaling? scaling)
    {
        using var stream = new MemoryStream();
        model.save_safetensors(stream, leaveOpen: true);
        var weights = stream.ToArray();
        var metadata = new ModelMetadata(
            ModelMetadata.SafetensorsFormat, config.Model.Backbone, config, channels, grid, epoch,
            scaling is null ? null : Normalisation(scaling),
            model.parameters().Sum(parameter => parameter.numel()),
            weights.LongLength);
        return new TrainedModel(weights, metadata);
    }

    /// <summary>A fresh model of the metadata's architecture holding the file's weights; every tensor of the
    /// architecture must be in the file, with its shape, and nothing else.</summary>
    public static FlowModel Load(TrainedModel trained)
    {
        var metadata = trained.Metadata;
        var model = FlowModels.Create(metadata.Config.Model, metadata.Channels.Count, metadata.Config.Training.Seed);
        using var stream = new MemoryStream(trained.Weights, writable: false);
        model.load_safetensors(stream, strict: true, leaveOpen: true);
        return model;
    }

    private static ChannelNormalisation Normalisation(ChannelScaling scaling)
    {
        // Mean is [1, C, H, 1] and Std [1, C, 1, 1]: per channel and latitude, and per channel.
        using var mean = scaling.Mean.squeeze(3).squeeze(0).to_type(ScalarType.Float64);
        using var std = scaling.Std.flatten().to_type(ScalarType.Float64);
        var (channels, latitudes) = ((int)mean.shape[0], (int)mean.shape[1]);
        var means = mean.data<double>().ToArray();
        return new(
            [.. Enumerable.Range(0, channels).Select(c => (IReadOnlyList<double>)means[(c * latitudes)..((c + 1) * latitudes)])],
            std.data<double>().ToArray());
    }
}
