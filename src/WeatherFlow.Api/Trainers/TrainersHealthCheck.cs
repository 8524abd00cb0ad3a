using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.Api.Trainers;

/// <summary>
/// The <c>trainers</c> entry of the api's <c>/health</c>: whether any trainer takes queued runs. Always Healthy: the
/// api answers without trainers, and trainers start after it (or scale from zero on the queue's length when
/// deployed), so their absence must neither stop traffic to the api nor hold back what waits for it.
/// </summary>
public sealed class TrainersHealthCheck(TrainerPresence presence) : IHealthCheck
{
    public const string Name = "trainers";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        HealthCheckResult.Healthy(await presence.ConnectedTrainersAsync(cancellationToken) switch
        {
            null => "unknown: the broker did not answer",
            0 => TrainerPresence.NoTrainerStep,
            1 => "1 trainer connected",
            var trainers => $"{trainers} trainers connected",
        });
}
