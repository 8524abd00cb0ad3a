namespace WeatherFlow.Hosting.Orchestration;

/// <summary>How to start one process of a resource, and how to stop it gracefully.</summary>
internal sealed record ProcessSpec(string InstanceName, string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Drop root privileges to this user (postgres refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    public int StopSignal { get; init; } = PosixSignals.SIGTERM;

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
