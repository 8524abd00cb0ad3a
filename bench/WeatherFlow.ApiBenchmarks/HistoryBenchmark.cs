using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// The history queries with thousands of stored runs: seeds them (<see cref="HistorySeeder"/>), times each query
/// at the api with sequential requests on one keep-alive connection (the api's own latency, not a queue), then
/// shows Postgres' plans for the SQL behind a few of them. Prints Markdown.
/// </summary>
public static class HistoryBenchmark
{
    private const int WarmUpRequests = 20;
    private const int DeepPage = 50;

    /// <summary>The columns of a history row (<c>ToSummaries</c>): no config or result document.</summary>
    private const string SummaryColumns = """
        e."Id", e."Name", e."Tags", e."Note", e."Status", e."Progress", e."CurrentStep", e."SubmittedAt", e."StartedAt",
        e."FinishedAt", e."Error", e."FromCache", e."Description", e."Backbone", e."Variables", e."HiddenDim",
        e."TrainSamples", e."Epochs", e."RunSeconds", e."ValidationLoss", e."MeanSkill"
        """;

    public static async Task RunAsync(Uri api, string connectionString, BenchmarkSettings settings, TextWriter output)
    {
        // One connection: requests are sequential, so each waits for nothing but the api and Postgres.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseCookies = false };
        using var client = settings.CreateClient(api, handler);
        await using var database = NpgsqlDataSource.Create(connectionString);

        var template = await new ExperimentProbe(client).RunToCompletionAsync(ExperimentProbe.UniqueTinyConfig());
        var seeding = await HistorySeeder.SeedAsync(database, template, settings.Experiments);
        output.WriteLine($"api {api}, {Environment.ProcessorCount} cores; seeded {settings.Experiments:N0} runs copied from {template} in {seeding.TotalSeconds:0.0} s");
        output.WriteLine(await DescribeTableAsync(database));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-60), today.AddDays(-31));
        var dateRange = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var (deepPath, deepCursor) = await FollowCursorAsync(client, "/api/experiments", DeepPage);
        var (deepSortedPath, _) = await FollowCursorAsync(client, "/api/experiments?status=completed&sort=validationLoss", DeepPage);
        (string Name, string Path)[] queries =
        [
            ("first page, newest first (default)", "/api/experiments"),
            ("status=completed&backbone=grid&sort=validationLoss&limit=50", "/api/experiments?status=completed&backbone=grid&sort=validationLoss&limit=50"),
            ($"tag=paper&{dateRange}&sort=meanSkill", $"/api/experiments?tag=paper&{dateRange}&sort=meanSkill"),
            ("q=energy (name, note, tags; common)", "/api/experiments?q=energy"),
            ("q=4242 (one match: scans every row)", "/api/experiments?q=4242"),
            ("variable=z&variable=u&status=completed", "/api/experiments?variable=z&variable=u&status=completed"),
            ($"page {DeepPage} by cursor, newest first", deepPath),
            ($"page {DeepPage} by cursor, status=completed&sort=validationLoss", deepSortedPath),
            ("aggregates by=backbone (validationLoss)", "/api/experiments/aggregates?by=backbone"),
            ("aggregates by=hiddenDim&metric=meanSkill", "/api/experiments/aggregates?by=hiddenDim&metric=meanSkill"),
            ("GET /api/experiments/{id} (one run, with its result; contrast)", $"/api/experiments/{template}"),
        ];

        output.WriteLine();
        output.WriteLine($"{settings.Requests} sequential requests each after {WarmUpRequests} unmeasured, one keep-alive connection, client-side times:");
        output.WriteLine();
        output.WriteLine("| query | rows | bytes | n | errors | p50 ms | p95 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, path) in queries)
        {
            var (stats, rows, bytes) = await MeasureAsync(client, path, settings.Requests);
            output.WriteLine($"| {name} | {rows} | {bytes:N0} | {stats.Count} | {stats.Errors} | {stats.P50Ms:0.00} | {stats.P95Ms:0.00} | {stats.P99Ms:0.00} | {stats.MaxMs:0.00} |");
        }

        output.WriteLine();
        output.WriteLine("Plans of the SQL EF Core generates for these queries (written out here with the same predicates, order and limit):");
        var fromTime = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        (string Name, string Sql, (string, object)[] Parameters)[] plans =
        [
            ("status=completed&backbone=grid&sort=validationLoss&limit=50",
                $"""
                SELECT {SummaryColumns} FROM "Experiments" AS e
                WHERE e."Status" = ANY (@statuses) AND e."Backbone" = ANY (@backbones)
                ORDER BY COALESCE(e."ValidationLoss", 'Infinity'), e."Id" LIMIT @limit
                """,
                [("statuses", new[] { "completed" }), ("backbones", new[] { "grid" }), ("limit", 51)]),
            ($"tag=paper&{dateRange}&sort=meanSkill",
                $"""
                SELECT {SummaryColumns} FROM "Experiments" AS e
                WHERE @tags <@ e."Tags" AND e."SubmittedAt" >= @from AND e."SubmittedAt" < @before
                ORDER BY COALESCE(e."MeanSkill", '-Infinity') DESC, e."Id" DESC LIMIT @limit
                """,
                [("tags", new[] { "paper" }), ("from", fromTime), ("before", fromTime.AddDays(to.DayNumber - from.DayNumber + 1)),
                    ("limit", 21)]),
            ("q=4242",
                $"""
                SELECT {SummaryColumns} FROM "Experiments" AS e
                WHERE "ExperimentSearchText"(e."Name", e."Note", e."Tags") ILIKE @pattern ESCAPE '\'
                    AND (e."Name" ILIKE @pattern ESCAPE '\' OR (e."Note" IS NOT NULL AND e."Note" ILIKE @pattern ESCAPE '\')
                        OR EXISTS (SELECT 1 FROM unnest(e."Tags") AS t(value) WHERE t.value ILIKE @pattern ESCAPE '\'))
                ORDER BY e."SubmittedAt" DESC, e."Id" DESC LIMIT @limit
                """,
                [("pattern", "%4242%"), ("limit", 21)]),
            ($"page {DeepPage} by cursor, newest first",
                $"""
                SELECT {SummaryColumns} FROM "Experiments" AS e
                WHERE (e."SubmittedAt", e."Id") < (@at, @id)
                ORDER BY e."SubmittedAt" DESC, e."Id" DESC LIMIT @limit
                """,
                [("at", deepCursor.SubmittedAt), ("id", deepCursor.Id), ("limit", 21)]),
            ("aggregates by=backbone",
                """
                SELECT e."Backbone", count(*), avg(e."ValidationLoss"), min(e."ValidationLoss"), max(e."ValidationLoss")
                FROM "Experiments" AS e
                WHERE e."Status" = 'completed' AND e."ValidationLoss" IS NOT NULL
                GROUP BY e."Backbone"
                """,
                []),
        ];
        foreach (var (name, sql, parameters) in plans)
        {
            output.WriteLine();
            output.WriteLine($"{name}:");
            output.WriteLine("```");
            output.WriteLine(await ExplainAsync(database, sql, parameters));
            output.WriteLine("```");
        }
    }

    private static async Task<(LatencyStats Stats, int Rows, long Bytes)> MeasureAsync(HttpClient client, string path, int requests)
    {
        var millis = new List<double>(requests);
        var errors = 0;
        byte[] body = [];
        var clock = Stopwatch.StartNew();
        for (var request = -WarmUpRequests; request < requests; request++)
        {
            if (request == 0)
            {
                clock.Restart();
            }
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (request >= 0)
            {
                millis.Add(elapsed);
                errors += response.IsSuccessStatusCode ? 0 : 1;
            }
        }
        using var json = JsonDocument.Parse(body);
        var rows = json.RootElement.ValueKind switch
        {
            JsonValueKind.Array => json.RootElement.GetArrayLength(),
            _ when json.RootElement.TryGetProperty("groups", out var groups) => groups.GetArrayLength(),
            _ => 1,
        };
        return (LatencyStats.From(millis, errors, clock.Elapsed), rows, body.Length);
    }

    /// <summary>Follows <c>Link rel="next"</c> to the given page; returns its path and the last row of the page
    /// before it (what its cursor holds).</summary>
    private static async Task<(string Path, (DateTimeOffset SubmittedAt, Guid Id) Cursor)> FollowCursorAsync(HttpClient client, string first, int page)
    {
        var path = first;
        JsonElement lastRow = default;
        for (var number = 1; number < page; number++)
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            var rows = await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync());
            lastRow = rows[rows.GetArrayLength() - 1];
            var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : throw new InvalidOperationException($"Page {number} of {first} has no next page.");
            path = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        }
        return (path, (lastRow.GetProperty("submittedAt").GetDateTimeOffset().ToUniversalTime(), lastRow.GetProperty("id").GetGuid()));
    }

    private static async Task<string> DescribeTableAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            SELECT count(*), count("Result"), avg(octet_length("Result"::text)),
                pg_relation_size('"Experiments"'), pg_total_relation_size('"Experiments"')
            FROM "Experiments"
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"table: {reader.GetInt64(0):N0} runs, {reader.GetInt64(1):N0} with a result document of {reader.GetDecimal(2) / 1024:0.0} KB on average; heap {reader.GetInt64(3) / 1048576.0:0.0} MB, with TOAST and indexes {reader.GetInt64(4) / 1048576.0:0.0} MB");
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource database, string sql, (string Name, object Value)[] parameters)
    {
        await using var command = database.CreateCommand($"EXPLAIN (ANALYZE, BUFFERS) {sql}");
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join(Environment.NewLine, lines);
    }
}
