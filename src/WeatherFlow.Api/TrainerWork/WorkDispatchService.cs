using System.Diagnostics;

namespace WeatherFlow.Api.TrainerWork;

/// <summary>
/// Sends accepted trainer work to the trainers: at once what the api just stored (<see cref="WorkDispatchQueue"/>),
/// and, as the safety net behind "nothing accepted is lost", periodically again the work whose command never reached
/// the broker and the work whose trainer stopped sending heartbeats (a duplicate command is harmless: a trainer only
/// takes work that is queued or whose holder has gone quiet). Experiments and predictions go the same way.
/// </summary>
public sealed class WorkDispatchService(
    WorkDispatchQueue queue,
    IServiceScopeFactory scopes,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<WorkDispatchService> logger) : BackgroundService
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
                using var activity = ExperimentsTelemetry.ActivitySource.StartActivity($"{pending.Command.Kind.Noun()} dispatch", ActivityKind.Internal, pending.Parent);
                await SendAsync(pending.Command);
            });

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        do
        {
            try
            {
                await SendUndeliveredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Dispatch sweep failed; trying again in {Interval}", options.Value.DispatchInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendUndeliveredAsync(CancellationToken cancellationToken)
    {
        List<RunTrainerWork> undelivered;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
            var now = time.GetUtcNow();
            var (sendingSince, staleSince) = (now - options.Value.DispatchTimeout, now - WorkLease.StaleAfter);
            var experiments = await db.Experiments.AsNoTracking().Undelivered(sendingSince, staleSince)
                .OrderBy(e => e.SubmittedAt).Take(SweepBatchSize)
                .Select(e => new { e.Id, e.SubmittedAt }).ToListAsync(cancellationToken);
            var predictions = await db.ExperimentPredictions.AsNoTracking().Undelivered(sendingSince, staleSince)
                .OrderBy(p => p.SubmittedAt).Take(SweepBatchSize)
                .Select(p => new { p.Id, p.SubmittedAt }).ToListAsync(cancellationToken);
            undelivered =
            [
                .. experiments.Select(e => (Command: new RunTrainerWork(TrainerWorkKind.Experiment, e.Id), e.SubmittedAt))
                    .Concat(predictions.Select(p => (Command: new RunTrainerWork(TrainerWorkKind.Prediction, p.Id), p.SubmittedAt)))
                    .OrderBy(w => w.SubmittedAt)
                    .Select(w => w.Command),
            ];
        }
        foreach (var command in undelivered)
        {
            logger.LogInformation("Sending {Kind} {WorkId} to the trainers again", command.Kind, command.WorkId);
            if (!await SendAsync(command))
            {
                return;
            }
        }
    }

    private async Task<bool> SendAsync(RunTrainerWork command)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkSender>().SendAsync(command);
        }
        catch (Exception exception)
        {
            // Recording the dispatch failed (the database is down): the sweep sends it again later.
            logger.LogWarning(exception, "Dispatch of {Kind} {WorkId} was not recorded", command.Kind, command.WorkId);
            return false;
        }
    }
}
