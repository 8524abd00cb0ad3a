using TorchSharp.Modules;
using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>Builds the configured backbone with every weight drawn from a generator seeded by the config.</summary>
internal static class FlowModels
{
    public static FlowModel Create(ModelConfig config, int channels, long seed)
    {
        FlowModel model = config.Backbone == ConfigChoices.Icosahedral
            ? new IcosahedralFlowModel(channels, config)
            : new GridFlowModel(channels, config);
        using var generator = new Generator((ulong)seed, CPU);
        Initialize(model, generator);
        return model;
    }

    /// <summary>
    /// PyTorch's default init for Linear and Conv2d (uniform ±1/√fan_in for weight and bias), redrawn from our own
    /// generator because the modules' constructors draw from libtorch's global one, which is neither seeded nor
    /// private to this run.
    /// </summary>
    private static void Initialize(FlowModel model, Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            var (weight, bias) = module switch
            {
                Linear linear => (linear.weight, linear.bias),
                Conv2d conv => (conv.weight, conv.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }
            var bound = 1 / Math.Sqrt(weight.numel() / weight.shape[0]);
            weight.uniform_(-bound, bound, generator);
            bias?.uniform_(-bound, bound, generator);
        }
    }
}
