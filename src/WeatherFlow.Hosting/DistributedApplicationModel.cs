using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public sealed class DistributedApplicationModel(IList<IResource> resources)
{
    public IList<IResource> Resources { get; } = resources;

    public IResource this[string name] => Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));
}
