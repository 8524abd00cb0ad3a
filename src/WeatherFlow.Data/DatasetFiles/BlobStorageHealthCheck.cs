using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.Data.DatasetFiles;

/// <summary>
/// Healthy when the storage account answers an authenticated request: a wrong key or a dead emulator shows here rather
/// than in the first upload. A failure throws, and the health check service reports it with the exception.
/// </summary>
internal sealed class BlobStorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await blobs.GetPropertiesAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
