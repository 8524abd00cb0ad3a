using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WeatherFlow.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire.StackExchange.Redis's <c>AddRedisClient</c>, on the raw packages.</summary>
public static class RedisClientExtensions
{
    private const string DefaultConfigSectionName = "Aspire:StackExchange:Redis";
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(3);

    public static void AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<StackExchangeRedisSettings>? configureSettings = null,
        Action<ConfigurationOptions>? configureOptions = null)
    {
        var settings = new StackExchangeRedisSettings();
        builder.Configuration.GetSection(DefaultConfigSectionName).Bind(settings);
        builder.Configuration.GetSection($"{DefaultConfigSectionName}:{connectionName}").Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }
        configureSettings?.Invoke(settings);

        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse(settings.ConnectionString ?? throw new InvalidOperationException(
                $"No endpoints specified. Ensure a valid connection string was provided in 'ConnectionStrings:{connectionName}' " +
                $"or for the '{DefaultConfigSectionName}:ConnectionString' configuration key."));
            // Keep reconnecting in the background instead of failing start-up, as Aspire does.
            options.AbortOnConnectFail = false;
            // Fail commands at once while disconnected rather than queueing them, so callers can fall back.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.LoggerFactory = services.GetService<ILoggerFactory>();
            configureOptions?.Invoke(options);
            return ConnectionMultiplexer.Connect(options);
        });

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddRedis(
                services => services.GetRequiredService<IConnectionMultiplexer>(),
                name: "StackExchange.Redis",
                failureStatus: settings.HealthCheckFailureStatus,
                timeout: HealthCheckTimeout);
        }
    }
}
