using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherFlow.Training.Models;

/// <summary>
/// Multi-head self-attention inside non-overlapping win×win windows (zero-padded up to a multiple of the window),
/// added back as a residual; local windows keep the cost linear in the grid size. Works on [B, H, W, C] features.
/// </summary>
internal sealed class WindowAttention : Module<Tensor, Tensor>
{
    public const int Heads = 8;

    private readonly Linear qkv;
    private readonly Linear output;
    private readonly int windowSize;

    public WindowAttention(int dim, int windowSize) : base(nameof(WindowAttention))
    {
        qkv = Linear(dim, 3 * dim);
        output = Linear(dim, dim);
        this.windowSize = windowSize;
        RegisterComponents();
    }

    public override Tensor forward(Tensor features)
    {
        var (batch, height, width, channels) = (features.shape[0], features.shape[1], features.shape[2], features.shape[3]);
        var win = windowSize > 0 ? windowSize : Math.Min(Math.Min(height, width), 16);
        var padH = (win - height % win) % win;
        var padW = (win - width % win) % win;
        var padded = padH > 0 || padW > 0 ? functional.pad(features, [0, 0, 0, padW, 0, padH]) : features;
        var (rows, cols) = ((height + padH) / win, (width + padW) / win);

        var tokens = padded.view(batch, rows, win, cols, win, channels).permute(0, 1, 3, 2, 4, 5).reshape(-1, win * win, channels);
        var attended = Attend(tokens)
            .view(batch, rows, cols, win, win, channels)
            .permute(0, 1, 3, 2, 4, 5)
            .reshape(batch, rows * win, cols * win, channels);
        if (padH > 0 || padW > 0)
        {
            attended = attended[.., ..(int)height, ..(int)width, ..];
        }
        return features + attended;
    }

    private Tensor Attend(Tensor tokens)
    {
        var (count, length, channels) = (tokens.shape[0], tokens.shape[1], tokens.shape[2]);
        var heads = qkv.call(tokens).view(count, length, 3, Heads, channels / Heads).permute(2, 0, 3, 1, 4);
        var attended = functional.scaled_dot_product_attention(heads[0], heads[1], heads[2]);
        return output.call(attended.transpose(1, 2).reshape(count, length, channels));
    }
}
