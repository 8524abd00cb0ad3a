using System.Text;
using System.Text.Json;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Training.Models;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class ModelFilesTests
{
    [Theory]
    [InlineData("grid")]
    [InlineData("icosahedral")]
    public void A_trained_model_file_loads_back_into_an_identical_model(string backbone)
    {
        var outcome = TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Tiny(backbone, "rk4"), null, null, CancellationToken.None);
        var trained = outcome.Model;

        using var loaded = ModelFiles.Load(trained);
        var reexported = ModelFiles.Export(loaded, trained.Metadata.Config, trained.Metadata.Channels, trained.Metadata.Grid, trained.Metadata.Epoch, scaling: null);

        Assert.Equal(trained.Weights, reexported.Weights);
        Assert.Equal(trained.Metadata.Parameters, reexported.Metadata.Parameters);
        var header = SafetensorsHeader(trained.Weights);
        Assert.Equal(loaded.state_dict().Keys.Order(), header.Keys.Order());
        Assert.All(loaded.named_parameters(), parameter => Assert.Equal("F32", header[parameter.name].GetProperty("dtype").GetString()));
    }

    [Fact]
    public void The_metadata_says_what_rebuilding_the_model_needs()
    {
        var config = TestConfigs.Tiny();
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);
        var metadata = outcome.Model.Metadata;

        Assert.Equal((ModelMetadata.SafetensorsFormat, "grid"), (metadata.Format, metadata.Architecture));
        Assert.Equal(config, metadata.Config);
        Assert.Equal(outcome.Result.ChannelNames, metadata.Channels);
        Assert.Equal(outcome.Result.Prediction.ModelEpoch, metadata.Epoch);
        Assert.Equal(outcome.Model.Weights.LongLength, metadata.SizeBytes);
        var normalisation = Assert.IsType<ChannelNormalisation>(metadata.Normalisation);
        Assert.Equal(metadata.Channels.Count, normalisation.Std.Count);
        Assert.All(normalisation.Mean, means => Assert.Equal(metadata.Grid.Lat, means.Count));
        Assert.All(normalisation.Std, std => Assert.True(std > 0));
    }

    [Fact]
    public void Same_config_trains_the_same_weights()
    {
        var config = TestConfigs.Tiny();

        var first = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Model;
        var second = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Model;

        Assert.Equal(first.Weights, second.Weights);
    }

    [Fact]
    public void Weights_of_another_architecture_are_refused()
    {
        var grid = TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Tiny("grid", "rk4"), null, null, CancellationToken.None).Model;
        var icosahedral = TestConfigs.Tiny("icosahedral", "rk4");

        var refusal = Assert.Throws<InvalidOperationException>(() => ModelFiles.Load(grid with { Metadata = grid.Metadata with { Config = icosahedral } }));
        Assert.Contains("state dict is not identical", refusal.Message);
    }

    /// <summary>The tensor index of a safetensors file: an 8-byte little-endian length, then that much JSON.</summary>
    private static Dictionary<string, JsonElement> SafetensorsHeader(byte[] file)
    {
        var length = (int)BitConverter.ToUInt64(file, 0);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Encoding.UTF8.GetString(file, 8, length))!
            .Where(entry => entry.Key != "__metadata__")
            .ToDictionary();
    }
}
