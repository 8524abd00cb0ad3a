using Npgsql;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The api's retention sweeps (every 2 s under <see cref="CompositionFixture"/>), waited for by what they do
/// rather than for a guessed time: a test that asserts what a sweep left alone needs a whole sweep to have run.</summary>
public static class RetentionSweeps
{
    /// <summary>
    /// Returns once a whole sweep has run since the call. A sweep removes old predictions first, then old results and
    /// models, one sweep after the other: a prediction finished in 2020, left for it, goes in the next sweep, and once
    /// a second one has gone too, the sweep that removed the first has finished.
    /// </summary>
    /// <param name="experimentId">A run of the composition, which the stand-in predictions are of.</param>
    public static async Task WaitForWholeSweepAsync(DistributedApplication app, Guid experimentId, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create((await app.GetConnectionStringAsync(CompositionResources.WeatherDb, ct))!);
        for (var marker = 0; marker < 2; marker++)
        {
            var id = Guid.CreateVersion7();
            await using (var insert = database.CreateCommand("""
                INSERT INTO "ExperimentPredictions" ("Id", "ExperimentId", "RequestHash", "Request", "Status", "Forecast", "SubmittedAt", "FinishedAt")
                VALUES ($1, $2, 'sweep-' || $1::text, '{}', 'completed', '{}', '2020-01-01', '2020-01-01')
                """))
            {
                insert.Parameters.AddWithValue(id);
                insert.Parameters.AddWithValue(experimentId);
                await insert.ExecuteNonQueryAsync(ct);
            }
            await Poll.UntilAsync(async token =>
            {
                await using var left = database.CreateCommand("""SELECT count(*) FROM "ExperimentPredictions" WHERE "Id" = $1""");
                left.Parameters.AddWithValue(id);
                return (long)(await left.ExecuteScalarAsync(token))! == 0;
            }, ct);
        }
    }
}
