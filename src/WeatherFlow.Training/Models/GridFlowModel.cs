using TorchSharp;
using TorchSharp.Modules;
using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>
/// The reference's <c>WeatherFlowMatch</c> (contract §3.3) with 2 static channels and 1 forcing value: conv stem,
/// static/time/forcing embeddings, ConvNeXt blocks, windowed attention, optional neighbour message passing, conv head
/// and the divergence correction. Between stem and head the features are [B, H, W, C] (see <see cref="ChannelsLast"/>).
/// </summary>
internal sealed class GridFlowModel : FlowModel
{
    private readonly SphereConv stemIn;
    private readonly SphereConv stemOut;
    private readonly Conv2d staticProjection;
    private readonly Linear forcingProjection;
    private readonly ModuleList<ConvNextBlock> blocks;
    private readonly WindowAttention? attention;
    private readonly SphereConv headIn;
    private readonly SphereConv headOut;
    private readonly Tensor timeFrequencies;
    private readonly bool useGraphMessagePassing;
    private readonly bool physicsInformed;

    public GridFlowModel(int channels, ModelConfig config) : base(nameof(GridFlowModel))
    {
        var hidden = config.HiddenDim;
        var circular = config.SphericalPadding;
        stemIn = new SphereConv(channels, hidden / 2, 3, circular);
        stemOut = new SphereConv(hidden / 2, hidden, 3, circular);
        staticProjection = Conv2d(StaticChannels, hidden, 1);
        forcingProjection = Linear(1, hidden);
        blocks = new ModuleList<ConvNextBlock>([.. Enumerable.Range(0, config.NLayers).Select(_ => new ConvNextBlock(hidden, circular))]);
        attention = config.UseAttention ? new WindowAttention(hidden, config.WindowSize) : null;
        headIn = new SphereConv(hidden, hidden / 2, 3, circular);
        headOut = new SphereConv(hidden / 2, channels, 3, circular);
        timeFrequencies = TimeEmbedding.Frequencies(hidden);
        useGraphMessagePassing = config.UseGraphMp;
        physicsInformed = config.PhysicsInformed;
        RegisterComponents();
    }

    public override void StartFromPersistence() => headOut.ZeroWeights();

    public override Tensor forward(Tensor x, Tensor t, Tensor staticFeatures, Tensor forcing)
    {
        var stem = stemOut.call(functional.gelu(stemIn.call(x))) + staticProjection.call(staticFeatures);
        var conditioning = TimeEmbedding.Encode(t, timeFrequencies) + forcingProjection.call(forcing);
        var h = ChannelsLast.FromImage(stem) + conditioning.view(conditioning.shape[0], 1, 1, conditioning.shape[1]);
        foreach (var block in blocks)
        {
            h = block.call(h);
        }
        if (attention is not null)
        {
            h = attention.call(h);
        }
        if (useGraphMessagePassing)
        {
            h = NeighbourMean(h);
        }
        var velocity = headOut.call(functional.gelu(headIn.call(ChannelsLast.AsImage(h))));
        return physicsInformed ? DivergenceCorrection.Apply(velocity) : velocity;
    }

    /// <summary>Adds the mean of the 4 neighbours, wrapping in both directions as the reference's adjacency does.</summary>
    private static Tensor NeighbourMean(Tensor h) =>
        h + (h.roll(1, 1) + h.roll(-1, 1) + h.roll(1, 2) + h.roll(-1, 2)) * 0.25;
}
