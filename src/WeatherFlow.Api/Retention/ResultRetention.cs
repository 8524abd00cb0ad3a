namespace WeatherFlow.Api.Retention;

/// <summary>
/// Takes the forecast fields out of large result documents (<see cref="ResultDocument.WithoutFields"/>): those of runs
/// finished before <see cref="ModelRetentionOptions.ResultMaxAge"/>, and, oldest first, those past
/// <see cref="ModelRetentionOptions.ResultsMaxTotalBytes"/> of all results. The run stays in the history with its
/// scores and metrics; "Forecast again" remakes fields from its model while that is kept.
/// </summary>
public sealed class ResultRetention(WeatherDbContext db, FinishedJobCache finishedJobs, TimeProvider time, ILogger<ResultRetention> logger)
{
    private sealed record StoredResult(Guid Id, DateTimeOffset FinishedAt, long Bytes, bool FieldsRemoved);

    public async Task SweepAsync(ModelRetentionOptions settings, CancellationToken cancellationToken)
    {
        // Sizes are as stored (after Postgres's compression); pg_column_size reads them without fetching documents.
        var results = await db.Database.SqlQuery<StoredResult>($"""
            SELECT "Id", "FinishedAt", pg_column_size("Result")::bigint AS "Bytes", "ResultFieldsRemovedAt" IS NOT NULL AS "FieldsRemoved"
            FROM "Experiments"
            WHERE "Result" IS NOT NULL AND "FinishedAt" IS NOT NULL
            ORDER BY "FinishedAt" DESC, "Id" DESC
            """).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var oldest = now - settings.ResultMaxAge;
        var total = 0L;
        foreach (var result in results)
        {
            total += result.Bytes;
            var reason = result.FieldsRemoved || result.Bytes <= settings.LargeResultBytes ? null
                : result.FinishedAt < oldest ? $"a result over {settings.LargeResultBytes:N0} bytes of a run finished more than {settings.ResultMaxAge.TotalDays:0.#} days ago (ModelRetention:ResultMaxAge)"
                : total > settings.ResultsMaxTotalBytes ? $"results took more than {settings.ResultsMaxTotalBytes:N0} bytes (ModelRetention:ResultsMaxTotalBytes)"
                : null;
            if (reason is not null)
            {
                total += await RemoveFieldsAsync(result, now, reason, cancellationToken) - result.Bytes;
            }
        }
    }

    /// <returns>The document's size afterwards.</returns>
    private async Task<long> RemoveFieldsAsync(StoredResult result, DateTimeOffset now, string reason, CancellationToken cancellationToken)
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
        var bytes = await db.Database.SqlQuery<long>($"""
            SELECT coalesce(pg_column_size("Result"), 0)::bigint AS "Value" FROM "Experiments" WHERE "Id" = {result.Id}
            """).SingleOrDefaultAsync(cancellationToken);
        if (replaced > 0)
        {
            await finishedJobs.InvalidateAsync(result.Id);
            logger.LogInformation("Removed the forecast fields of experiment {ExperimentId}'s result ({Before} → {After} bytes stored; its scores and metrics stay): {Reason}",
                result.Id, result.Bytes, bytes, reason);
        }
        return bytes;
    }
}
