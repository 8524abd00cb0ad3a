using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// The one place that decides how WeatherFlow's backing servers run. A connection string configured for the
/// resource (<c>ConnectionStrings:{name}</c>) means an existing server, as Aspire's <c>AddConnectionString</c>;
/// otherwise run mode starts Debian's binaries as local processes (no container engine runs on these machines) and
/// the published manifest asks for Aspire's stock containers, which Azure Container Apps runs.
/// </summary>
internal static class BackingServers
{
    public static IResourceBuilder<IResourceWithConnectionString> AddWeatherDatabase(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName) =>
        UsesExistingServer(builder, databaseName) ? builder.AddConnectionString(databaseName)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalPostgres(serverName).AddDatabase(databaseName)
        : builder.AddPostgres(serverName).AddDatabase(databaseName);

    public static IResourceBuilder<IResourceWithConnectionString> AddCache(this IDistributedApplicationBuilder builder, string name) =>
        UsesExistingServer(builder, name) ? builder.AddConnectionString(name)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalRedis(name)
        : builder.AddRedis(name);

    public static IResourceBuilder<IResourceWithConnectionString> AddMessaging(this IDistributedApplicationBuilder builder, string name) =>
        UsesExistingServer(builder, name) ? builder.AddConnectionString(name)
        : builder.ExecutionContext.IsRunMode ? builder.AddLocalRabbitMQ(name)
        : builder.AddRabbitMQ(name);

    private static bool UsesExistingServer(IDistributedApplicationBuilder builder, string name) =>
        builder.ExecutionContext.IsRunMode && !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name));
}
