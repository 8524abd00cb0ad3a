namespace WeatherFlow.Api.Models;

/// <summary>Runs <see cref="PredictionService.SweepAsync"/> at the dispatch interval, as the experiments' sweep runs.</summary>
public sealed class PredictionSweepService(IServiceScopeFactory scopes, IOptions<ApiOptions> options, TimeProvider time, ILogger<PredictionSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PredictionService>().SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Prediction sweep failed; trying again in {Interval}", options.Value.DispatchInterval);
            }
        }
    }
}
