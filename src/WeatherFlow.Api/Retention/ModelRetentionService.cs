namespace WeatherFlow.Api.Retention;

/// <summary>
/// Takes the forecast fields out of old or excess large results (<see cref="ResultRetention"/>), removes finished
/// predictions older than their own age limit, and kept models that are too old, that no run is left to use, or (oldest first) that take the store past its
/// total, and logs each one it removed and why; their configs' cached results go too, so their next runs train
/// and keep a model again. Every api replica runs it: a delete matches only the row as it was read.
/// </summary>
public sealed class ModelRetentionService(
    IServiceScopeFactory scopes,
    IOptions<ModelRetentionOptions> options,
    TimeProvider time,
    ILogger<ModelRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits an interval too, by which time the database has been migrated.
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down; the next sweep tries again.
                logger.LogWarning(exception, "Model retention sweep failed");
            }
        }
    }

    private async Task RemoveOldPredictionsAsync(WeatherDbContext db, ModelRetentionOptions settings, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - settings.PredictionMaxAge;
        var old = db.ExperimentPredictions.Where(p => p.FinishedAt < before);
        var bytes = await old.SumAsync(p => (long?)p.Forecast!.Length, cancellationToken) ?? 0;
        var removed = await old.ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} predictions finished before {Before:u} ({Characters} characters of forecasts): older than {Days:0.#} days (ModelRetention:PredictionMaxAge)",
                removed, before, bytes, settings.PredictionMaxAge.TotalDays);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var cache = scope.ServiceProvider.GetRequiredService<ExperimentResultCache>();
        var models = await db.ExperimentModels
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.ConfigHash, m.CreatedAt, m.SizeBytes, Kept = m.Weights != null, Used = db.Experiments.Any(e => e.ConfigHash == m.ConfigHash) })
            .ToListAsync(cancellationToken);
        await RemoveOldPredictionsAsync(db, settings, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ResultRetention>().SweepAsync(settings, cancellationToken);
        var oldest = time.GetUtcNow() - settings.MaxAge;
        var total = 0L;
        foreach (var model in models)
        {
            total += model.Kept ? model.SizeBytes : 0;
            var reason = !model.Used ? "no run of its config is left"
                : model.CreatedAt < oldest ? $"it is older than {settings.MaxAge.TotalDays:0.#} days (ModelRetention:MaxAge)"
                : model.Kept && total > settings.MaxTotalBytes ? $"kept models took more than {settings.MaxTotalBytes:N0} bytes (ModelRetention:MaxTotalBytes)"
                : null;
            if (reason is null)
            {
                continue;
            }
            // Gone either way (here, or by another replica's sweep), so it no longer counts towards the total.
            total -= model.Kept ? model.SizeBytes : 0;
            // Only the row as it was read: one re-kept or newly used meanwhile has changed and is left alone.
            var rows = db.ExperimentModels.Where(m => m.ConfigHash == model.ConfigHash && m.CreatedAt == model.CreatedAt);
            if (!model.Used)
            {
                rows = rows.Where(m => !db.Experiments.Any(e => e.ConfigHash == m.ConfigHash));
            }
            if (await rows.ExecuteDeleteAsync(cancellationToken) > 0)
            {
                await cache.RemoveAsync(model.ConfigHash);
                logger.LogInformation("Removed the model of config {ConfigHash} ({SizeBytes} bytes, kept {CreatedAt:u}): {Reason}",
                    model.ConfigHash, model.SizeBytes, model.CreatedAt, reason);
            }
        }
    }
}
