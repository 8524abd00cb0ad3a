using TorchSharp;

namespace WeatherFlow.Training;

/// <summary>libtorch's intra-op thread count is process-wide; set it only when it changes.</summary>
internal static class TorchThreads
{
    private static readonly Lock Gate = new();
    private static int current;

    public static void Use(int threads)
    {
        var wanted = Math.Max(1, threads);
        lock (Gate)
        {
            if (current != wanted)
            {
                torch.set_num_threads(wanted);
                current = wanted;
            }
        }
    }
}
