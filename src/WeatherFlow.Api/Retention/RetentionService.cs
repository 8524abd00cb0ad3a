namespace WeatherFlow.Api.Retention;

/// <summary>
/// Keeps what the api stores within <see cref="RetentionOptions"/>. Each sweep removes finished predictions past their
/// age; takes the forecast fields out of old or excess large results, whose runs stay in the history with their scores
/// and metrics ("Forecast again" remakes fields from the model while that is kept); and removes kept models that are
/// too old, that no run is left to use, or (oldest first) that take the store past its total, with their configs'
/// cached results, so their next runs train and keep a model again. It logs each thing it removed and why. Every api
/// replica runs it: a change matches only the row as it was read.
/// </summary>
public sealed class RetentionService(
    IServiceScopeFactory scopes,
    ExperimentResultCache resultCache,
    FinishedJobCache finishedJobs,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
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
                logger.LogWarning(exception, "Retention sweep failed");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        await RemoveOldPredictionsAsync(db, settings, cancellationToken);
        await RemoveResultFieldsAsync(db, settings, cancellationToken);
        await RemoveModelsAsync(db, settings, cancellationToken);
    }

    private async Task RemoveOldPredictionsAsync(WeatherDbContext db, RetentionOptions settings, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - settings.PredictionMaxAge;
        var old = db.ExperimentPredictions.Where(p => p.FinishedAt < before);
        var bytes = await old.SumAsync(p => (long?)p.Forecast!.Length, cancellationToken) ?? 0;
        var removed = await old.ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} predictions finished before {Before:u} ({Characters} characters of forecasts): older than {Days:0.#} days (Retention:PredictionMaxAge)",
                removed, before, bytes, settings.PredictionMaxAge.TotalDays);
        }
    }

    /// <summary>Large results of runs finished before <see cref="RetentionOptions.ResultMaxAge"/>, and, oldest first,
    /// those past <see cref="RetentionOptions.ResultsMaxTotalBytes"/> of all results, lose their forecast fields
    /// (<see cref="ResultDocument.WithoutFields"/>).</summary>
    private async Task RemoveResultFieldsAsync(WeatherDbContext db, RetentionOptions settings, CancellationToken cancellationToken)
    {
        var results = await db.StoredResultsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var oldest = now - settings.ResultMaxAge;
        var total = 0L;
        foreach (var result in results)
        {
            total += result.Bytes;
            var reason = result.FieldsRemoved || result.Bytes <= settings.LargeResultBytes ? null
                : result.FinishedAt < oldest ? $"a result over {settings.LargeResultBytes:N0} bytes of a run finished more than {settings.ResultMaxAge.TotalDays:0.#} days ago (Retention:ResultMaxAge)"
                : total > settings.ResultsMaxTotalBytes ? $"results took more than {settings.ResultsMaxTotalBytes:N0} bytes (Retention:ResultsMaxTotalBytes)"
                : null;
            if (reason is not null)
            {
                total += await RemoveFieldsAsync(db, result, now, reason, cancellationToken) - result.Bytes;
            }
        }
    }

    /// <returns>The document's size afterwards.</returns>
    private async Task<long> RemoveFieldsAsync(WeatherDbContext db, StoredResult result, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        var json = await db.Experiments.Where(e => e.Id == result.Id).Select(e => e.Result).FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return 0;
        }
        var slim = ResultDocument.WithoutFields(json, now, reason);
        // Another replica's sweep may have done it meanwhile.
        var replaced = await db.Experiments.Where(e => e.Id == result.Id && e.ResultFieldsRemovedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Result, slim).SetProperty(e => e.ResultFieldsRemovedAt, now), cancellationToken);
        var bytes = await db.StoredResultBytesAsync(result.Id, cancellationToken);
        if (replaced > 0)
        {
            await finishedJobs.InvalidateAsync(result.Id);
            logger.LogInformation("Removed the forecast fields of experiment {ExperimentId}'s result ({Before} → {After} bytes stored; its scores and metrics stay): {Reason}",
                result.Id, result.Bytes, bytes, reason);
        }
        return bytes;
    }

    private async Task RemoveModelsAsync(WeatherDbContext db, RetentionOptions settings, CancellationToken cancellationToken)
    {
        var models = await db.ExperimentModels
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.ConfigHash, m.CreatedAt, m.SizeBytes, Kept = m.Weights != null, Used = db.Experiments.Any(e => e.ConfigHash == m.ConfigHash) })
            .ToListAsync(cancellationToken);
        var oldest = time.GetUtcNow() - settings.ModelMaxAge;
        var total = 0L;
        foreach (var model in models)
        {
            total += model.Kept ? model.SizeBytes : 0;
            var reason = !model.Used ? "no run of its config is left"
                : model.CreatedAt < oldest ? $"it is older than {settings.ModelMaxAge.TotalDays:0.#} days (Retention:ModelMaxAge)"
                : model.Kept && total > settings.ModelsMaxTotalBytes ? $"kept models took more than {settings.ModelsMaxTotalBytes:N0} bytes (Retention:ModelsMaxTotalBytes)"
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
                await resultCache.RemoveAsync(model.ConfigHash);
                logger.LogInformation("Removed the model of config {ConfigHash} ({SizeBytes} bytes, kept {CreatedAt:u}): {Reason}",
                    model.ConfigHash, model.SizeBytes, model.CreatedAt, reason);
            }
        }
    }
}
