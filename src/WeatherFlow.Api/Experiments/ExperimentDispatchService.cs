using System.Diagnostics;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Sends accepted experiments to the trainers: at once those the api just stored (<see cref="ExperimentDispatchQueue"/>),
/// and, as the safety net behind "nothing accepted is lost", periodically again those whose command never reached
/// the broker and those whose trainer stopped sending heartbeats (a duplicate command is harmless: a trainer only
/// takes an experiment that is queued or whose holder has gone quiet).
/// </summary>
public sealed class ExperimentDispatchService(
    ExperimentDispatchQueue queue,
    IServiceScopeFactory scopes,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<ExperimentDispatchService> logger) : BackgroundService
{
    private const int SweepBatchSize = 100;

    // Sends wait for the broker's confirm; a few at a time keep a burst of submissions moving.
    private const int ConcurrentSends = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendSubmittedAsync(stoppingToken), SweepAsync(stoppingToken));

    private Task SendSubmittedAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentSends, CancellationToken = stoppingToken },
            async (pending, _) =>
            {
                using var activity = ExperimentsTelemetry.ActivitySource.StartActivity("experiment dispatch", ActivityKind.Internal, pending.Parent);
                await SendAsync(pending.Command);
            });

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        do
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Dispatch sweep failed; trying again in {Interval}", options.Value.DispatchInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var now = time.GetUtcNow();
        var sendingSince = now - options.Value.DispatchTimeout;
        var staleSince = now - ExperimentLease.StaleAfter;

        var pending = await db.Experiments.AsNoTracking()
            .Where(e => (e.Status == ExperimentJobStatus.Queued && e.DispatchedAt == null && e.SubmittedAt < sendingSince)
                || (e.Status == ExperimentJobStatus.Running && e.HeartbeatAt < staleSince && e.DispatchedAt < staleSince))
            .OrderBy(e => e.SubmittedAt)
            .Take(SweepBatchSize)
            .Select(e => new TrainExperiment(e.Id, e.ConfigHash, e.Config))
            .ToListAsync(cancellationToken);

        foreach (var command in pending)
        {
            logger.LogInformation("Sending experiment {ExperimentId} to the trainers again", command.ExperimentId);
            if (!await SendAsync(command))
            {
                return;
            }
        }
    }

    private async Task<bool> SendAsync(TrainExperiment command)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TrainCommandSender>().SendAsync(command);
        }
        catch (Exception exception)
        {
            // Recording the dispatch failed (the database is down): the sweep sends it again later.
            logger.LogWarning(exception, "Dispatch of experiment {ExperimentId} was not recorded", command.ExperimentId);
            return false;
        }
    }
}
