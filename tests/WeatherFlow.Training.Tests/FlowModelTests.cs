using WeatherFlow.Training.Data;
using WeatherFlow.Training.Models;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class FlowModelTests
{
    [Theory]
    [InlineData("grid")]
    [InlineData("icosahedral")]
    public void A_model_started_from_persistence_predicts_no_change_until_it_learns(string backbone)
    {
        using var scope = NewDisposeScope();
        using var model = FlowModels.Create(TestConfigs.Tiny(backbone).Model, 2, 42);

        model.StartFromPersistence();

        var velocity = model.call(randn(3, 2, 8, 16), rand(3), AtmosphereInputs.StaticFeatures(new(8, 16)), randn(3, 1));
        Assert.Equal([3L, 2, 8, 16], velocity.shape);
        Assert.Equal(0f, velocity.abs().max().item<float>());
    }
}
