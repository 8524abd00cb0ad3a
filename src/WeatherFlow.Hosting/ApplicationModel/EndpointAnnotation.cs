namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A network endpoint of a resource; becomes a manifest binding and, in run mode, a loopback port.</summary>
public sealed class EndpointAnnotation(string name, string uriScheme, string transport, int? targetPort = null)
{
    public string Name { get; } = name;

    public string UriScheme { get; } = uriScheme;

    public string Transport { get; } = transport;

    public string Protocol => "tcp";

    /// <summary>The port the workload listens on inside its container; null for projects (azd fills it in).</summary>
    public int? TargetPort { get; set; } = targetPort;

    /// <summary>A port explicitly requested for the endpoint.</summary>
    public int? Port { get; set; }

    public bool IsExternal { get; set; }

    /// <summary>The loopback port chosen in run mode.</summary>
    public int? AllocatedPort { get; internal set; }

    public string Host { get; internal set; } = "localhost";
}
