using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public sealed class DistributedApplicationModel(IList<IResource> resources)
{
    public IList<IResource> Resources { get; } = resources;
}
