using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>
/// The grid trunk keeps its features as [B, H, W, C], which LayerNorm and the pointwise layers want anyway.
/// Convolutions see them through a permuted view with channels-last strides, for which libtorch picks its oneDNN
/// kernels: a depthwise 7×7 backward is about 3× faster that way than on NCHW.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>[B, H, W, C] → a [B, C, H, W] view with channels-last strides (no copy).</summary>
    public static Tensor AsImage(Tensor features) => features.permute(0, 3, 1, 2);

    /// <summary>[B, C, H, W] in any layout → [B, H, W, C], copied only when the image was not channels-last already.</summary>
    public static Tensor FromImage(Tensor image) => image.permute(0, 2, 3, 1).contiguous();
}
