using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>
/// A pre-norm graph-attention block on the icosphere: each vertex attends to itself and its 5 or 6 neighbours
/// (multi-head, padded to a fixed neighbourhood with a mask), then a GELU MLP; both residual.
/// </summary>
internal sealed class MeshAttentionLayer : Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly LayerNorm attentionNorm;
    private readonly Linear qkv;
    private readonly Linear output;
    private readonly LayerNorm mlpNorm;
    private readonly Linear mlpIn;
    private readonly Linear mlpOut;
    private readonly int heads;

    public MeshAttentionLayer(int dim) : base(nameof(MeshAttentionLayer))
    {
        heads = dim % 8 == 0 ? 8 : dim % 4 == 0 ? 4 : 2;
        attentionNorm = LayerNorm(dim);
        qkv = Linear(dim, 3 * dim);
        output = Linear(dim, dim);
        mlpNorm = LayerNorm(dim);
        mlpIn = Linear(dim, 2 * dim);
        mlpOut = Linear(2 * dim, dim);
        RegisterComponents();
    }

    /// <param name="nodes">[B, V, D].</param>
    /// <param name="neighbourhood">[V·K] vertex indices, each vertex's own first.</param>
    /// <param name="padding">[1, V, K, 1], true where a slot is padding.</param>
    public override Tensor forward(Tensor nodes, Tensor neighbourhood, Tensor padding)
    {
        var (batch, vertices, dim) = (nodes.shape[0], nodes.shape[1], nodes.shape[2]);
        var slots = padding.shape[2];
        var headDim = dim / heads;
        var projected = qkv.call(attentionNorm.call(nodes)).view(batch, vertices, 3, heads, headDim);
        var query = projected.select(2, 0).unsqueeze(2);
        var keys = projected.select(2, 1).index_select(1, neighbourhood).view(batch, vertices, slots, heads, headDim);
        var values = projected.select(2, 2).index_select(1, neighbourhood).view(batch, vertices, slots, heads, headDim);
        var scores = (query * keys).sum(-1) / Math.Sqrt(headDim);
        var weights = scores.masked_fill(padding, double.NegativeInfinity).softmax(2).unsqueeze(-1);
        var attended = (weights * values).sum(2).reshape(batch, vertices, dim);
        nodes += output.call(attended);
        return nodes + mlpOut.call(functional.gelu(mlpIn.call(mlpNorm.call(nodes))));
    }
}
