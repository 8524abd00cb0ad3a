using System.Runtime.InteropServices;

namespace WeatherFlow.Training;

/// <summary>
/// glibc's malloc, which libtorch hands every tensor back to. Freed tensor memory mostly stays in the process, and
/// as batches allocate activations of varying sizes the heap fragments: a 256-sample run grew by ~8 MB per batch.
/// <see cref="Trim"/> returns free pages to the system. A no-op where glibc is absent.
/// </summary>
internal static class NativeHeap
{
    private static bool available = OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (!available)
        {
            return;
        }
        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            available = false;
        }
    }

    [DllImport("libc.so.6")]
    private static extern int malloc_trim(nuint pad);
}
