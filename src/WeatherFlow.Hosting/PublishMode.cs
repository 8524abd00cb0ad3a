using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.Publishing;

namespace WeatherFlow.Hosting;

/// <summary><c>--publisher manifest --output-path P</c>: write the manifest, start nothing.</summary>
internal static class PublishMode
{
    public static async Task<int> PublishAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var logger = app.Services.GetRequiredService<ILogger<DistributedApplication>>();
        var publisher = configuration["Publishing:Publisher"];
        if (!string.Equals(publisher, "manifest", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogError("Unknown publisher '{Publisher}'; the only one is 'manifest'.", publisher);
            return 1;
        }
        var outputPath = configuration["Pipeline:OutputPath"] ?? ManifestPublisher.DefaultFileName;
        await ManifestPublisher.PublishAsync(app.Services.GetRequiredService<DistributedApplicationModel>(),
            app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), outputPath, logger, cancellationToken);
        return 0;
    }
}
