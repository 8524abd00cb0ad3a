namespace WeatherFlow.Training;

/// <summary>How the engine uses the machine; bound from the host's configuration.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// libtorch intra-op threads. Process-wide in libtorch, so hosts that run several engines should agree on it;
    /// on a shared 2-core machine more than one thread collapses under contention.
    /// </summary>
    public int Threads { get; set; } = 1;
}
