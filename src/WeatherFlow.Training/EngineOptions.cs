namespace WeatherFlow.Training;

/// <summary>How the engine uses the machine; the trainer binds it from its <c>Trainer</c> section.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// libtorch intra-op threads per run. Process-wide in libtorch, so hosts that run several engines should agree on
    /// it; on a shared 2-core machine more than one thread collapses throughput under contention.
    /// </summary>
    public int TorchThreads { get; set; } = 1;
}
