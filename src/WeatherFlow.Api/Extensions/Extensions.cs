using WeatherFlow.Api.Accounts;
using WeatherFlow.Api.Database;
using WeatherFlow.Api.Datasets;
using WeatherFlow.Api.Hardening;
using WeatherFlow.Api.ModelStore;
using WeatherFlow.Api.Predictions;
using WeatherFlow.Api.RateLimiting;
using WeatherFlow.Api.Retention;
using WeatherFlow.Api.Trainers;

namespace WeatherFlow.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // While Postgres is down a request answers 503 with Retry-After within seconds. Background work (migration,
        // dispatch) retries on its own.
        builder.AddWeatherData(shortDatabaseRetry: true);
        builder.AddRabbitMqMessaging("messaging");
        builder.AddDatasetFiles();

        builder.Services.AddOptions<ExperimentsOptions>().BindConfiguration(ExperimentsOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ServiceUnavailable.AddRetryAfter);
        builder.Services.AddContractCors();
        builder.RemoveServerHeader();
        builder.Services.AddRequestBodyLimits();
        builder.Services.AddOpenApi();
        builder.AddApiAuthentication();
        builder.AddRateLimits();

        // Registered first: hosted services start in order, so nothing queries the database before it is migrated.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHostedService<WorkDispatchService>();
        builder.Services.AddHostedService<BuiltInDatasets>();

        builder.Services.AddSingleton<ExperimentsTelemetry>();
        builder.Services.AddSingleton<ExperimentWatcher>();
        builder.Services.AddSingleton<TrainerPresence>();
        builder.Services.AddHealthChecks().AddCheck<TrainersHealthCheck>(TrainersHealthCheck.Name);
        builder.Services.AddSingleton<FinishedJobCache>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FinishedJobCache>());
        builder.Services.AddSingleton<WorkDispatchQueue>();
        builder.Services.AddScoped<WorkSender>();
        builder.Services.AddScoped<ExperimentQueries>();
        builder.Services.AddScoped<ExperimentSubmitter>();
        builder.Services.AddScoped<ExperimentCanceller>();
        builder.Services.AddScoped<ExperimentLabeller>();
        builder.Services.AddScoped<ExperimentDeleter>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<AuditRetentionService>();
        builder.Services.AddScoped<ExperimentHistory>();
        builder.Services.AddScoped<ExperimentComparer>();
        builder.Services.AddScoped<ExperimentModelStore>();
        builder.Services.AddScoped<PredictionService>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddOptions<DatasetOptions>().BindConfiguration(DatasetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DatasetCatalog>();
        builder.Services.AddScoped<DatasetResolver>();
        builder.Services.AddScoped<DatasetMaps>();
    }
}
