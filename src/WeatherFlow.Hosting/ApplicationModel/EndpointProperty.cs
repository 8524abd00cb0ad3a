namespace WeatherFlow.Hosting.ApplicationModel;

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    TargetPort,
    Scheme,
    HostAndPort,
}
