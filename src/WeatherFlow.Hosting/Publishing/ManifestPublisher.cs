using Microsoft.Extensions.Logging;

namespace WeatherFlow.Hosting.Publishing;

/// <summary>Writes the Aspire manifest (<c>aspire-8.0.json</c> schema) that azd turns into Azure Container Apps.</summary>
public static class ManifestPublisher
{
    public const string DefaultFileName = "aspire-manifest.json";

    /// <summary>
    /// <paramref name="outputPath"/> ending in <c>.json</c> is the file; anything else is a folder that receives
    /// <see cref="DefaultFileName"/>, as Aspire's ManifestPublisher does. Returns the full path written.
    /// </summary>
    public static async Task<string> PublishAsync(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        string outputPath, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? outputPath
            : Path.Combine(outputPath, DefaultFileName));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await using (var stream = File.Create(path))
        {
            var writer = new ManifestWriter(executionContext, Path.GetDirectoryName(path)!);
            await writer.WriteAsync(stream, model.Resources, cancellationToken);
        }
        logger.LogInformation("Published manifest to: {ManifestPath}", path);
        return path;
    }
}
