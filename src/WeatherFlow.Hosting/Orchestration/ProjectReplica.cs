namespace WeatherFlow.Hosting.Orchestration;

/// <summary>One instance of a project: its own port and <c>service.instance.id</c>.</summary>
internal sealed record ProjectReplica(string InstanceId, string InstanceName, int Port)
{
    public Uri HealthUrl => new($"http://localhost:{Port}/health");
}
