using WeatherFlow.Trainer.Datasets;
using WeatherFlow.Trainer.Experiments;
using WeatherFlow.Trainer.Predictions;
using WeatherFlow.Trainer.Work;

namespace WeatherFlow.Trainer.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var instance = TrainerInstance.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(instance);
        builder.Services.AddOptions<TrainerOptions>().BindConfiguration(TrainerOptions.SectionName);
        // The engine's settings (Trainer:TorchThreads) sit beside the trainer's own.
        builder.Services.AddOptions<EngineOptions>().BindConfiguration(TrainerOptions.SectionName);
        builder.Services.AddOptions<ModelStoreOptions>().BindConfiguration(ModelStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddWeatherData();
        builder.AddRabbitMqMessaging("messaging", bus =>
        {
            bus.AddConsumer<TrainerWorkConsumer, TrainerWorkConsumerDefinition>();
            // Cancellations are broadcast: each replica hears them on a queue of its own, gone with it.
            bus.AddConsumer<CancelTrainerWorkConsumer>().Endpoint(endpoint =>
            {
                endpoint.InstanceId = instance.Id;
                endpoint.Temporary = true;
            });
        });
        builder.AddDatasetFiles();
        // On shutdown a run that finishes within this grace time still completes; any other is handed back to the
        // queue, and the whole system still stops well within 15 s.
        builder.Services.Configure<MassTransitHostOptions>(host => host.ConsumerStopTimeout = TimeSpan.FromSeconds(2));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TrainerTelemetry>();
        builder.Services.AddSingleton<ExperimentRunStore>();
        builder.Services.AddSingleton<RunCancellations>();
        builder.Services.AddSingleton<DatasetDownloads>();
        builder.Services.AddSingleton<WorkThread>();
        builder.Services.AddSingleton<ITrainerWork, ExperimentWork>();
        builder.Services.AddSingleton<ITrainerWork, PredictionWork>();
        builder.Services.AddSingleton(services => new ExperimentEngine(services.GetRequiredService<IOptions<EngineOptions>>().Value));
        builder.Services.AddHostedService<TrainerStartupAnnouncer>();
    }
}
