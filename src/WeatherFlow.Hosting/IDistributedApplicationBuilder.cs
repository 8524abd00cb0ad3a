using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IServiceCollection Services { get; }

    IHostEnvironment Environment { get; }

    /// <summary>Directory of the AppHost project.</summary>
    string AppHostDirectory { get; }

    IList<IResource> Resources { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
