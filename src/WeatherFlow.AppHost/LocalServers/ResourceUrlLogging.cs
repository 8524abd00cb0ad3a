using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeatherFlow.AppHost.LocalServers;

public static class ResourceUrlLogging
{
    /// <summary>
    /// Prints the resource's URLs on the AppHost's console once it is healthy, beside the dashboard's login URL, so a
    /// developer who ran <c>./eng/run.sh</c> sees where to open the app without opening the dashboard first.
    /// </summary>
    public static IResourceBuilder<T> LogUrlWhenReady<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        builder.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(builder.Resource, (e, _) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WeatherFlow.AppHost");
            foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(a => a.UriScheme.StartsWith("http", StringComparison.Ordinal)))
            {
                logger.LogInformation("{Resource} is ready at {Url}", builder.Resource.Name, builder.Resource.GetEndpoint(endpoint.Name).Url);
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
