namespace WeatherFlow.Hosting.Orchestration;

/// <summary>One instance of a supervised process: its <c>service.instance.id</c> and, for projects, its own port.</summary>
internal sealed record ProcessReplica(string InstanceId, string InstanceName, int? Port)
{
    public Uri HealthUrl => new($"http://localhost:{Port}/health");
}
