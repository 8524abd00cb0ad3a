using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeatherFlow.Hosting;

/// <summary><c>--publisher manifest --output-path P</c>: write the manifest, start nothing.</summary>
internal static class PublishMode
{
    public static Task<int> PublishAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var logger = app.Services.GetRequiredService<ILogger<DistributedApplication>>();
        logger.LogError("Publisher '{Publisher}' is not available yet in this build of WeatherFlow.Hosting.", configuration["Publishing:Publisher"]);
        return Task.FromResult(1);
    }
}
