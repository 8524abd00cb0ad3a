namespace WeatherFlow.Api.Experiments;

/// <summary>
/// The safety net behind "nothing accepted is lost": at start-up and then periodically, sends again the experiments
/// whose command never reached the broker, and those whose trainer stopped sending heartbeats (a duplicate command
/// is harmless: a trainer only takes an experiment that is queued or whose holder has gone quiet).
/// </summary>
public sealed class ExperimentDispatchService(
    IServiceScopeFactory scopes,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<ExperimentDispatchService> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        do
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Dispatch sweep failed; trying again in {Interval}", options.Value.DispatchInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<TrainCommandSender>();
        var now = time.GetUtcNow();
        var sendingSince = now - options.Value.DispatchTimeout;
        var staleSince = now - ExperimentLease.StaleAfter;

        var pending = await db.Experiments.AsNoTracking()
            .Where(e => (e.Status == ExperimentJobStatus.Queued && e.DispatchedAt == null && e.SubmittedAt < sendingSince)
                || (e.Status == ExperimentJobStatus.Running && e.HeartbeatAt < staleSince && e.DispatchedAt < staleSince))
            .OrderBy(e => e.SubmittedAt)
            .Take(BatchSize)
            .Select(e => new { e.Id, e.ConfigHash, e.Config })
            .ToListAsync(cancellationToken);

        foreach (var experiment in pending)
        {
            logger.LogInformation("Sending experiment {ExperimentId} to the trainers again", experiment.Id);
            if (!await sender.SendAsync(experiment.Id, experiment.ConfigHash, experiment.Config))
            {
                return;
            }
        }
    }
}
