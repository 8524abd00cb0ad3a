namespace WeatherFlow.Hosting;

/// <summary>Aspire's resource state names.</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Exited = "Exited";
    public const string FailedToStart = "FailedToStart";
    public const string Stopping = "Stopping";
    public const string Finished = "Finished";
}
