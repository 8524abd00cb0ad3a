namespace WeatherFlow.Api.Database;

/// <summary>
/// Applies EF Core migrations before the api serves requests (hosted services start before Kestrel listens).
/// Retries with backoff while Postgres is unreachable, so the api waits for the database instead of crash-looping.
/// </summary>
public sealed class DatabaseMigrationService(IServiceScopeFactory scopes, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().MigrateWithLockAsync(cancellationToken);
                logger.LogInformation("Database schema is up to date");
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Migrating the database failed; retrying in {Delay}", delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
