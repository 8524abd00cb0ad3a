using Microsoft.EntityFrameworkCore;

namespace WeatherFlow.Data.Experiments;

/// <summary>A finished run's result document as stored: its size after Postgres's compression, and whether retention
/// already took its forecast fields out.</summary>
public sealed record StoredResult(Guid Id, DateTimeOffset FinishedAt, long Bytes, bool FieldsRemoved);

public static class StoredResults
{
    /// <summary>Every finished run's result, newest first; <c>pg_column_size</c> reads the sizes without fetching
    /// the documents.</summary>
    public static Task<List<StoredResult>> StoredResultsAsync(this WeatherDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<StoredResult>($"""
            SELECT "Id", "FinishedAt", pg_column_size("Result")::bigint AS "Bytes", "ResultFieldsRemovedAt" IS NOT NULL AS "FieldsRemoved"
            FROM "Experiments"
            WHERE "Result" IS NOT NULL AND "FinishedAt" IS NOT NULL
            ORDER BY "FinishedAt" DESC, "Id" DESC
            """).ToListAsync(cancellationToken);

    /// <summary>The stored size of the run's result document; 0 when there is none.</summary>
    public static Task<long> StoredResultBytesAsync(this WeatherDbContext db, Guid experimentId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"""
            SELECT coalesce(pg_column_size("Result"), 0)::bigint AS "Value" FROM "Experiments" WHERE "Id" = {experimentId}
            """).SingleOrDefaultAsync(cancellationToken);
}
