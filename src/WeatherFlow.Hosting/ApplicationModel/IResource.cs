namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application: a server, a database, a parameter or a project.</summary>
public interface IResource
{
    string Name { get; }
}
