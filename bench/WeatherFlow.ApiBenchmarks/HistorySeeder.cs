using System.Diagnostics;
using Npgsql;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// Fills the history with thousands of runs in one <c>INSERT … SELECT … FROM generate_series</c>: each is a copy of
/// one real run (its config and ~30 KB result document) with its own id, labels, status, config fields, times and
/// scores. Training that many through the trainers would take hours; only the stored rows matter to the history.
/// </summary>
public static class HistorySeeder
{
    /// <summary>Marks the copies, so a second seeding of the same database replaces them instead of adding more.</summary>
    public const string TrainerInstance = "history-bench-seed";

    /// <summary>Tags are picked from this list, each with a 15 % chance; the queries filter on a few of them.</summary>
    private static readonly string[] TagVocabulary =
        ["baseline", "ablation", "sweep", "paper", "nightly", "debug", "prod-candidate", "long-run", "lr-1e-3", "lr-3e-4", "energy", "replicate"];

    private static readonly string[] Notes =
    [
        "diverged after warm-up, retry with a lower learning rate",
        "good energy conservation over the rollout",
        "compare with the baseline before the review",
        "rerun with more samples",
        "noisy validation loss in the last epochs",
        "best skill so far on z500",
    ];

    /// <summary>Seeds <paramref name="count"/> runs copied from <paramref name="template"/>, submitted over the
    /// 180 days before now, and vacuums and analyses the table; returns how long it took.</summary>
    public static async Task<TimeSpan> SeedAsync(NpgsqlDataSource database, Guid template, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenConnectionAsync();
        await using (var clear = new NpgsqlCommand("""DELETE FROM "Experiments" WHERE "TrainerInstance" = @seed""", connection))
        {
            clear.Parameters.AddWithValue("seed", TrainerInstance);
            await clear.ExecuteNonQueryAsync();
        }
        // Same data on every run of the benchmark.
        await using (var seed = new NpgsqlCommand("SELECT setseed(0.42)", connection))
        {
            await seed.ExecuteNonQueryAsync();
        }
        await using (var insert = new NpgsqlCommand(InsertSql, connection) { CommandTimeout = 600 })
        {
            insert.Parameters.AddWithValue("template", template);
            insert.Parameters.AddWithValue("count", count);
            insert.Parameters.AddWithValue("seed", TrainerInstance);
            insert.Parameters.AddWithValue("tags", TagVocabulary);
            insert.Parameters.AddWithValue("notes", Notes);
            if (await insert.ExecuteNonQueryAsync() != count)
            {
                throw new InvalidOperationException($"Seeding from {template} did not insert {count} runs.");
            }
        }
        // VACUUM as well: it moves the new rows out of the GIN indexes' pending lists (which a plain ANALYZE
        // leaves for autovacuum) and marks the pages all-visible, the state autovacuum keeps a table in.
        await using (var vacuum = new NpgsqlCommand("""VACUUM (ANALYZE) "Experiments" """, connection))
        {
            await vacuum.ExecuteNonQueryAsync();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    // Backbone, HiddenDim, TrainSamples and Epochs are generated from the config, so each copy's config json is
    // rewritten (as text: json keeps its key order) rather than those columns set. Ids are UUIDv7-shaped: the
    // submit time in ms, then a hash of the row number, so they are unique and sort roughly by time as real ones do.
    // The random() calls that refer to the row (i) are per row; the others run once per row of generate_series.
    private const string InsertSql = """
        WITH template AS (
            SELECT "Config"::text AS config, "Result" AS result, "CurrentStep" AS step FROM "Experiments" WHERE "Id" = @template),
        runs AS (
            SELECT i,
                now() - make_interval(secs => random() * 180 * 86400) AS submitted,
                CASE WHEN s < 0.85 THEN 'completed' WHEN s < 0.92 THEN 'failed' WHEN s < 0.97 THEN 'cancelled' ELSE 'queued' END AS status,
                backbone, hidden, samples, epochs,
                exp(random() * 6.5) AS run_seconds,
                quality,
                (ARRAY['{t}', '{t,z}', '{z,u,v}', '{t,z,u,v}', '{t,u,v}'])[1 + floor(random() * 5)::int]::text[] AS variables,
                ARRAY(SELECT tag FROM unnest(@tags::text[]) AS tag WHERE random() < 0.15 AND i > 0) AS tags,
                CASE WHEN random() < 0.4 THEN (@notes::text[])[1 + floor(random() * cardinality(@notes::text[]))::int] END AS note,
                (ARRAY['baseline', 'wide', 'deep', 'long', 'sweep', 'ablation', 'smoke', 'tuned'])[1 + i % 8] AS word
            FROM (
                SELECT i, random() AS s, random() AS quality,
                    CASE WHEN random() < 0.35 THEN 'icosahedral' ELSE 'grid' END AS backbone,
                    (ARRAY[32, 64, 128, 256, 512])[1 + floor(random() * 5)::int] AS hidden,
                    (ARRAY[8, 16, 32, 64, 128, 256])[1 + floor(random() * 6)::int] AS samples,
                    1 + floor(random() * 20)::int AS epochs
                FROM generate_series(1, @count) AS i) AS drawn),
        configs AS (
            SELECT runs.*,
                regexp_replace(regexp_replace(regexp_replace(regexp_replace(template.config,
                    '"backbone"\s*:\s*"[^"]*"', '"backbone":"' || backbone || '"'),
                    '"hiddenDim"\s*:\s*\d+', '"hiddenDim":' || hidden),
                    '"trainSamples"\s*:\s*\d+', '"trainSamples":' || samples),
                    '"epochs"\s*:\s*\d+', '"epochs":' || epochs) AS config,
                template.result, template.step,
                submitted + make_interval(secs => 0.02 + random() * 2) AS started
            FROM runs CROSS JOIN template)
        INSERT INTO "Experiments" (
            "Id", "Status", "Progress", "CurrentStep", "Description", "Name", "Tags", "Note", "Config", "ConfigHash",
            "SubmittedAt", "DispatchedAt", "StartedAt", "FinishedAt", "HeartbeatAt", "TrainerInstance", "Attempts",
            "Error", "FromCache", "Result", "Variables", "ValidationLoss", "MeanSkill")
        SELECT
            (lpad(to_hex((extract(epoch FROM submitted) * 1000)::bigint), 12, '0') || '7' || substr(md5(i::text), 1, 3)
                || '8' || substr(md5(i::text), 4, 15))::uuid,
            status,
            CASE status WHEN 'completed' THEN 1 WHEN 'queued' THEN 0 ELSE round(quality::numeric, 2) END,
            CASE status WHEN 'completed' THEN step END,
            format('%s backbone, hidden %s, %s samples, %s epochs', backbone, hidden, samples, epochs),
            format('%s-%s-h%s-%s', word, backbone, hidden, i),
            tags, note, config::json, encode(sha256(convert_to(config, 'UTF8')), 'hex'),
            submitted,
            submitted + interval '5 ms',
            CASE WHEN status <> 'queued' THEN started END,
            CASE WHEN status <> 'queued' THEN started + make_interval(secs => run_seconds) END,
            CASE WHEN status <> 'queued' THEN started + make_interval(secs => run_seconds) END,
            @seed,
            CASE status WHEN 'queued' THEN 0 WHEN 'failed' THEN 1 + (i % 5) ELSE 1 END,
            CASE status WHEN 'failed' THEN 'Training diverged: the loss is NaN at epoch ' || (1 + i % epochs) END,
            false,
            CASE status WHEN 'completed' THEN result END,
            variables,
            CASE status WHEN 'completed' THEN 0.02 + quality * 0.5 + 8.0 / hidden END,
            CASE status WHEN 'completed' THEN 0.9 - quality * 0.7 - 4.0 / samples END
        FROM configs
        """;
}
