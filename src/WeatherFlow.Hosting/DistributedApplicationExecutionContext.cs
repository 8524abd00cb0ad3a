namespace WeatherFlow.Hosting;

/// <summary>Whether the AppHost runs the application or only publishes its manifest (<c>--publisher manifest</c>).</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
