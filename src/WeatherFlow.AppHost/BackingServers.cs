using Microsoft.Extensions.Configuration;

namespace WeatherFlow.AppHost;

/// <summary>
/// The one place that decides how WeatherFlow's backing servers run. A connection string configured for the
/// resource (<c>ConnectionStrings:{name}</c>) means an existing server, as Aspire's <c>AddConnectionString</c>;
/// otherwise run mode starts Debian's binaries as local processes (no container engine runs on these machines).
/// Published, the database is a managed Azure Database for PostgreSQL server that <c>infra/</c> provisions (its
/// connection string is composed in the apps' container-app templates), the blob storage is an Azure Storage account
/// that <c>infra/</c> provisions too, and the broker and the cache are Aspire's stock containers with their data on a
/// persistent volume, so a restart or a new revision keeps it.
/// </summary>
internal static class BackingServers
{
    public static IResourceBuilder<IResourceWithConnectionString> AddWeatherDatabase(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName) =>
        UsesExistingServer(builder, databaseName) ? builder.AddConnectionString(databaseName)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalPostgres(serverName).AddDatabase(databaseName)
        : builder.AddConnectionString(databaseName);

    public static IResourceBuilder<IResourceWithConnectionString> AddCache(this IDistributedApplicationBuilder builder, string name) =>
        UsesExistingServer(builder, name) ? builder.AddConnectionString(name)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalRedis(name)
        : builder.AddRedis(name).WithDataVolume();

    public static IResourceBuilder<IResourceWithConnectionString> AddMessaging(this IDistributedApplicationBuilder builder, string name) =>
        UsesExistingServer(builder, name) ? builder.AddConnectionString(name)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalRabbitMQ(name)
        // The management API is what the trainers' KEDA scale rule reads the queue lengths from.
        : builder.AddRabbitMQ(name).WithDataVolume().WithManagementPlugin();

    /// <summary>Blob storage for dataset files: Azurite locally, a storage account's connection string when published.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddBlobStorage(this IDistributedApplicationBuilder builder, string name) =>
        UsesExistingServer(builder, name) ? builder.AddConnectionString(name)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalAzurite(name)
        : builder.AddConnectionString(name);

    private static bool UsesExistingServer(IDistributedApplicationBuilder builder, string name) =>
        builder.ExecutionContext.IsRunMode && !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name));
}
