using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>Depthwise 7×7, LayerNorm, Linear h→4h, GELU, Linear 4h→h, layer scale 1e-6, residual; on [B, H, W, C] features.</summary>
internal sealed class ConvNextBlock : Module<Tensor, Tensor>
{
    private readonly SphereConv depthwise;
    private readonly LayerNorm norm;
    private readonly Linear expand;
    private readonly Linear contract;
    private readonly Parameter gamma;

    public ConvNextBlock(int dim, bool circular) : base(nameof(ConvNextBlock))
    {
        depthwise = new SphereConv(dim, dim, 7, circular, groups: dim);
        norm = LayerNorm(dim, eps: 1e-6);
        expand = Linear(dim, 4 * dim);
        contract = Linear(4 * dim, dim);
        gamma = Parameter(full(dim, 1e-6));
        RegisterComponents();
    }

    public override Tensor forward(Tensor features)
    {
        var h = ChannelsLast.FromImage(depthwise.call(ChannelsLast.AsImage(features)));
        return features + contract.call(functional.gelu(expand.call(norm.call(h)))) * gamma;
    }
}
