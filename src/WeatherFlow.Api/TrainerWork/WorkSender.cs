using MassTransit;

namespace WeatherFlow.Api.TrainerWork;

/// <summary>Sends a piece of work's command to the trainers' queue and records that the broker took it.</summary>
public sealed class WorkSender(
    IBusControl bus,
    ISendEndpointProvider sendEndpoints,
    WeatherDbContext db,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<WorkSender> logger)
{
    private static readonly Uri WorkQueue = new($"queue:{QueueNames.TrainerWork}");

    /// <returns>false when the broker could not be reached in time; the dispatcher's sweep will send it later.</returns>
    public async Task<bool> SendAsync(RunTrainerWork command)
    {
        // While the broker is known to be down, leave the work to the sweep rather than wait for a send that cannot succeed.
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            logger.LogWarning("The message broker is unavailable; {Kind} {WorkId} will be sent when it is back", command.Kind, command.WorkId);
            return false;
        }
        using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(WorkQueue);
            await endpoint.Send(command, timeout.Token);
        }
        catch (Exception exception)
        {
            // Whatever the broker's failure, the work is stored as undispatched and will be sent again.
            logger.LogWarning(exception, "Could not send {Kind} {WorkId} to the trainers yet", command.Kind, command.WorkId);
            return false;
        }
        var now = time.GetUtcNow();
        await (command.Kind switch
        {
            TrainerWorkKind.Experiment => MarkDispatchedAsync(db.Experiments, command.WorkId, now),
            TrainerWorkKind.Prediction => MarkDispatchedAsync(db.ExperimentPredictions, command.WorkId, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "Not a kind of trainer work."),
        });
        return true;
    }

    private static Task<int> MarkDispatchedAsync<T>(IQueryable<T> work, Guid workId, DateTimeOffset now) where T : class, ILeasedWork =>
        work.Where(w => w.Id == workId).ExecuteUpdateAsync(set => set.SetProperty(w => w.DispatchedAt, now));
}
