namespace WeatherFlow.Trainer;

internal sealed class TrainerStartupAnnouncer(TrainerInstance instance, IOptions<TrainerOptions> options, IOptions<EngineOptions> engine, ILogger<TrainerStartupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Trainer instance {ServiceInstanceId} started (concurrency {Concurrency}, torch threads {TorchThreads})",
            instance.Id, options.Value.Concurrency, engine.Value.TorchThreads);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
