namespace WeatherFlow.TestSupport;

/// <summary>
/// How long a test may wait before it fails rather than hangs: one budget per kind of wait, generous for a loaded
/// machine (2 cores shared with other builds), never a measure of speed.
/// </summary>
public static class TestTimeout
{
    /// <summary>Calls that train nothing: requests, refusals, a listing, a page.</summary>
    public static CancellationTokenSource Requests() => new(TimeSpan.FromMinutes(1));

    /// <summary>A few tiny runs to their end on trainers that other tests share.</summary>
    public static CancellationTokenSource Runs() => new(TimeSpan.FromMinutes(3));

    /// <summary>Several runs, or runs through a failure and the recovery from it.</summary>
    public static CancellationTokenSource LongRuns() => new(TimeSpan.FromMinutes(6));
}
