using MassTransit;

namespace WeatherFlow.Api.Experiments;

/// <summary>Sends an experiment's train command to the trainers' queue and records that the broker took it.</summary>
public sealed class TrainCommandSender(
    IBusControl bus,
    ISendEndpointProvider sendEndpoints,
    WeatherDbContext db,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<TrainCommandSender> logger)
{
    private static readonly Uri TrainQueue = new($"queue:{QueueNames.TrainExperiment}");

    /// <returns>false when the broker could not be reached in time; the dispatcher will send it later.</returns>
    public async Task<bool> SendAsync(TrainExperiment command)
    {
        var experimentId = command.ExperimentId;
        // While the broker is known to be down, leave the experiment to the sweep rather than wait for a send that cannot succeed.
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            logger.LogWarning("The message broker is unavailable; experiment {ExperimentId} will be sent when it is back", experimentId);
            return false;
        }
        using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(TrainQueue);
            await endpoint.Send(command, timeout.Token);
        }
        catch (Exception exception)
        {
            // Whatever the broker's failure, the experiment is stored as undispatched and will be sent again.
            logger.LogWarning(exception, "Could not send experiment {ExperimentId} to the trainers yet", experimentId);
            return false;
        }
        var now = time.GetUtcNow();
        await db.Experiments.Where(e => e.Id == experimentId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.DispatchedAt, now));
        return true;
    }
}
