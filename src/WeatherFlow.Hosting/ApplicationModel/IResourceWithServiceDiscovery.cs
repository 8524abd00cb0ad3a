namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A resource others reach through <c>services__{name}__{endpoint}__0</c> (projects).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
