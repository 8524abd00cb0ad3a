using WeatherFlow.Api.Infrastructure;

namespace WeatherFlow.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // No retrying execution strategy here: with it a request waits about a minute while Postgres is down. The
        // api answers 503 with Retry-After at once instead; its background work (migration, dispatch) retries itself.
        builder.AddNpgsqlDbContext<WeatherDbContext>("weatherdb", settings => settings.DisableRetry = true);
        // Redis only accelerates (cache, live events): without it the api still answers, so it is Degraded, not Unhealthy.
        builder.AddOptionalRedisClient("cache");
        builder.AddRabbitMqMessaging("messaging");

        builder.Services.AddOptions<ExperimentsOptions>().BindConfiguration(ExperimentsOptions.SectionName);
        builder.Services.AddOptions<ResultCacheOptions>().BindConfiguration("ResultCache");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ServiceUnavailable.AddRetryAfter);
        builder.Services.AddContractCors();
        builder.Services.AddNoServerBanner();

        // Registered first: hosted services start in order, so nothing queries the database before it is migrated.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHostedService<ExperimentDispatchService>();

        builder.Services.AddSingleton<ExperimentsTelemetry>();
        builder.Services.AddSingleton<ExperimentResultCache>();
        builder.Services.AddSingleton<ExperimentEventChannel>();
        builder.Services.AddSingleton<ExperimentWatcher>();
        builder.Services.AddSingleton<FinishedJobCache>();
        builder.Services.AddSingleton<ExperimentDispatchQueue>();
        builder.Services.AddScoped<ExperimentQueries>();
        builder.Services.AddScoped<ExperimentSubmitter>();
        builder.Services.AddScoped<ExperimentCanceller>();
        builder.Services.AddScoped<TrainCommandSender>();
    }
}
