using WeatherFlow.Data.Audit;

namespace WeatherFlow.Api.Audit;

/// <summary>Removes audit events older than <see cref="AuditOptions.Retention"/>, and logs how many. Every api replica
/// runs it; a delete of what another already removed removes nothing.</summary>
public sealed class AuditRetentionService(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits an interval too, by which time the database has been migrated.
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var before = time.GetUtcNow() - options.Value.Retention;
                var removed = await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().AuditEvents
                    .Where(e => e.At < before).ExecuteDeleteAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} audit events from before {Before:u} (Audit:Retention)", removed, before);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Audit retention sweep failed");
            }
        }
    }
}
