using System.Globalization;
using Microsoft.Extensions.Configuration;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>Before run mode starts: adopt configured connection strings and give every endpoint a loopback port.</summary>
internal static class RunModePreparation
{
    public static void Prepare(DistributedApplicationBuilder builder)
    {
        foreach (var resource in builder.Resources)
        {
            var existing = builder.Configuration.GetConnectionString(resource.Name);
            if (string.IsNullOrEmpty(existing))
            {
                continue;
            }
            switch (resource)
            {
                case ContainerResource container:
                    container.ExistingConnectionString = existing;
                    break;
                case PostgresDatabaseResource database:
                    database.ExistingConnectionString = existing;
                    break;
            }
        }
        var randomPorts = builder.Configuration.GetValue<bool>("AppHost:RandomizePorts");
        foreach (var resource in builder.Resources.OfType<IResourceWithEndpoints>())
        {
            foreach (var endpoint in resource.Endpoints)
            {
                endpoint.Host = resource is ContainerResource ? "127.0.0.1" : "localhost";
                endpoint.AllocatedPort = endpoint.Port ?? Allocate(builder, randomPorts, $"ports:{resource.Name}:{endpoint.Name}");
            }
        }
    }

    /// <summary>Ports are remembered in the state folder so that URLs stay the same from one run to the next.</summary>
    private static int Allocate(DistributedApplicationBuilder builder, bool random, string key)
    {
        if (random)
        {
            return PortAllocator.Allocate();
        }
        var state = builder.State.Value;
        var port = PortAllocator.Allocate(int.TryParse(state.Get(key), CultureInfo.InvariantCulture, out var remembered) ? remembered : null);
        state.Set(key, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }
}
