namespace WeatherFlow.Api.Experiments;

/// <summary>Bound from the <c>Experiments</c> section: how the api waits for, dispatches, caches and lists experiments,
/// and how large a request body may be (on every endpoint but a dataset upload).</summary>
public sealed class ExperimentsOptions
{
    public const string SectionName = "Experiments";

    /// <summary>How long <c>POST /api/experiments</c> waits for the result before answering 202 (the contract's
    /// clients time out after 5 minutes).</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often waiters re-read Postgres when no live event arrives (pub/sub may miss events).</summary>
    public TimeSpan StatePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the dispatcher re-sends experiments whose command never reached the broker or whose
    /// trainer stopped sending heartbeats.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DispatchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Memory for serialised finished jobs served by <c>GET /api/experiments/{id}</c>.</summary>
    public long FinishedJobCacheBytes { get; set; } = 64 * 1024 * 1024;

    public int DefaultListLimit { get; set; } = 20;
    public int MaxListLimit { get; set; } = 200;
}
