using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeatherFlow.Data.DatasetFiles;

namespace Microsoft.Extensions.Hosting;

public static class DatasetFilesExtensions
{
    public const string ConnectionName = "blobs";

    /// <summary>
    /// The <see cref="DatasetFileStore"/> over the storage account of <c>ConnectionStrings:blobs</c> (Azurite locally, an
    /// Azure Storage account when deployed), and a health check of that account tagged <c>ready</c>, like the broker's.
    /// </summary>
    public static void AddDatasetFiles(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{ConnectionName}' (a storage account connection string).");
        }
        builder.Services.AddSingleton(new BlobServiceClient(connectionString));
        builder.Services.AddSingleton<DatasetFileStore>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(ConnectionName,
            services => new BlobStorageHealthCheck(services.GetRequiredService<BlobServiceClient>()), failureStatus: null, tags: ["ready"]));
    }
}
