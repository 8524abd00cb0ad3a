using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>
/// A "same"-padded convolution, zero-padded or wrapped around (sphericalPadding). Wrapping is done here rather than by
/// the convolution because libtorch refuses to wrap a field smaller than the padding, which a thin tile can be; such a
/// field is zero-padded instead.
/// </summary>
internal sealed class SphereConv : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly long padding;
    private readonly bool circular;

    public SphereConv(long inChannels, long outChannels, long kernelSize, bool circular, long groups = 1) : base(nameof(SphereConv))
    {
        padding = kernelSize / 2;
        this.circular = circular;
        conv = Conv2d(inChannels, outChannels, kernelSize, padding: circular ? 0 : padding, groups: groups);
        RegisterComponents();
    }

    public void ZeroWeights()
    {
        using var noGrad = no_grad();
        conv.weight.zero_();
        conv.bias?.zero_();
    }

    public override Tensor forward(Tensor x)
    {
        if (!circular)
        {
            return conv.call(x);
        }
        var wraps = x.shape[2] >= padding && x.shape[3] >= padding;
        var padded = functional.pad(x, [padding, padding, padding, padding], wraps ? PaddingModes.Circular : PaddingModes.Constant);
        return conv.call(ChannelsLast.AsImage(ChannelsLast.FromImage(padded)));
    }
}
