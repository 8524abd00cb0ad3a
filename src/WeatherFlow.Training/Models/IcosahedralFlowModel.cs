using TorchSharp;
using TorchSharp.Modules;
using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>
/// The <c>icosahedral</c> backbone, which the reference advertises but cannot run. Grid cells (state and static
/// features) are embedded, interpolated onto a subdivided icosphere, conditioned on time, forcing and vertex position,
/// processed by graph-attention layers, interpolated back to the grid and decoded together with a grid skip path.
/// Takes the same inputs as the grid model, so training, solvers and tiling work unchanged.
/// </summary>
internal sealed class IcosahedralFlowModel : FlowModel
{
    private readonly Linear gridEmbedding;
    private readonly Linear positionEmbedding;
    private readonly Linear forcingProjection;
    private readonly ModuleList<MeshAttentionLayer> layers;
    private readonly LayerNorm decoderNorm;
    private readonly Linear decoder;
    private readonly Tensor timeFrequencies;
    private readonly Tensor vertexPositions;
    private readonly Tensor neighbourhood;
    private readonly Tensor padding;
    private readonly Icosphere mesh;
    private readonly Dictionary<(long, long), GridMeshMapping> mappings = [];
    private readonly bool physicsInformed;

    public IcosahedralFlowModel(int channels, ModelConfig config) : base(nameof(IcosahedralFlowModel))
    {
        var hidden = config.HiddenDim;
        mesh = Icosphere.Create(config.Subdivisions);
        gridEmbedding = Linear(channels + StaticChannels, hidden);
        positionEmbedding = Linear(3, hidden);
        forcingProjection = Linear(1, hidden);
        layers = new ModuleList<MeshAttentionLayer>([.. Enumerable.Range(0, config.NLayers).Select(_ => new MeshAttentionLayer(hidden))]);
        decoderNorm = LayerNorm(hidden);
        decoder = Linear(hidden, channels);
        timeFrequencies = TimeEmbedding.Frequencies(hidden);
        vertexPositions = tensor(mesh.Vertices.SelectMany(v => new[] { (float)v.X, (float)v.Y, (float)v.Z }).ToArray()).view(-1, 3);
        (neighbourhood, padding) = Neighbourhoods(mesh);
        physicsInformed = config.PhysicsInformed;
        RegisterComponents();
    }

    public override void StartFromPersistence()
    {
        using var noGrad = no_grad();
        decoder.weight.zero_();
        decoder.bias?.zero_();
    }

    public override Tensor forward(Tensor x, Tensor t, Tensor staticFeatures, Tensor forcing)
    {
        var (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var mapping = Mapping(height, width);
        var cells = cat([x, staticFeatures.expand(batch, -1, -1, -1)], 1).flatten(2).transpose(1, 2);
        var gridFeatures = gridEmbedding.call(cells);

        var conditioning = TimeEmbedding.Encode(t, timeFrequencies) + forcingProjection.call(forcing);
        var nodes = mapping.ToMesh(gridFeatures) + positionEmbedding.call(vertexPositions).unsqueeze(0) + conditioning.unsqueeze(1);
        foreach (var layer in layers)
        {
            nodes = layer.call(nodes, neighbourhood, padding);
        }

        var decoded = decoder.call(decoderNorm.call(mapping.ToGrid(nodes) + gridFeatures));
        var velocity = decoded.transpose(1, 2).reshape(batch, channels, height, width);
        return physicsInformed ? DivergenceCorrection.Apply(velocity) : velocity;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var mapping in mappings.Values)
            {
                mapping.Dispose();
            }
            mappings.Clear();
        }
        base.Dispose(disposing);
    }

    /// <summary>Built once per field size: the training grid, and each distinct tile size of a tiled prediction.</summary>
    private GridMeshMapping Mapping(long height, long width)
    {
        if (!mappings.TryGetValue((height, width), out var mapping))
        {
            mapping = GridMeshMapping.Create(mesh, (int)height, (int)width);
            mappings[(height, width)] = mapping;
        }
        return mapping;
    }

    /// <summary>Self plus neighbours, padded with self to the largest degree; the mask marks the padding.</summary>
    private static (Tensor Neighbourhood, Tensor Padding) Neighbourhoods(Icosphere mesh)
    {
        var neighbours = mesh.Neighbours();
        var slots = neighbours.Max(n => n.Length) + 1;
        var index = new long[neighbours.Length * slots];
        var mask = new bool[index.Length];
        for (var v = 0; v < neighbours.Length; v++)
        {
            for (var k = 0; k < slots; k++)
            {
                index[v * slots + k] = k == 0 || k > neighbours[v].Length ? v : neighbours[v][k - 1];
                mask[v * slots + k] = k > neighbours[v].Length;
            }
        }
        return (tensor(index), tensor(mask).view(1, neighbours.Length, slots, 1));
    }
}
