namespace WeatherFlow.Contracts.Jobs;

/// <summary>The lower-case status strings of an experiment job, as they appear on the wire.</summary>
public static class ExperimentJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Completed, Failed, Cancelled];

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}
