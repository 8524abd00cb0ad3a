using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WeatherFlow.TestSupport;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Deployment;

/// <summary>
/// The maintainer's drill, as the README gives it: <c>eng/backup.sh</c> of a running WeatherFlow, <c>eng/restore.sh</c>
/// into a fresh state folder, and WeatherFlow started on that folder knows the accounts, tokens, runs and models.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class BackupRestoreDrillTests(CompositionFixture composition) : IDisposable
{
    private readonly DirectoryInfo _work = TraversableTempDirectory();

    [Fact]
    public async Task A_backup_restored_into_a_fresh_state_folder_has_the_accounts_tokens_runs_and_models_and_its_queued_run_completes()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        var (account, token) = await composition.NewAccountAsync("drill", ct);
        using var owner = composition.CreateApiClient(token);
        var experiments = new ExperimentsClient(owner);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 2911), ct);
        var weights = await owner.GetByteArrayAsync($"{ExperimentsClient.Path}/{id}/model", ct);
        var database = new NpgsqlConnectionStringBuilder(await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb, ct));
        // A run waiting in the broker's queue when the backup is taken: the queue is not in the backup.
        await composition.App.StopResourceAsync(CompositionResources.Trainer, ct);
        Guid waiting;
        try
        {
            waiting = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2912), ct);
            await WaitUntilSentToTheBrokerAsync(database.ConnectionString, waiting, ct);
            await BackUpAsync(database, ct);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Trainer, CancellationToken.None);
        }

        var state = Path.Combine(_work.FullName, "restored-state");
        var restored = await RunScriptAsync("restore.sh", [Backup, state], new() { ["PGPASSWORD"] = database.Password }, ct);
        Assert.Matches(@"\d+ accounts, \d+ tokens, \d+ experiments, \d+ models restored", restored);
        Assert.Contains($"./eng/run.sh --AppHost:StateDirectory={state}", restored);

        await using var app = await StartOnAsync(state, database.Password!, ct);
        using var api = app.CreateHttpClient(CompositionResources.Api);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me", ct);
        Assert.Equal(account.Email, me.GetProperty("userName").GetString());
        var run = await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/{id}", ct);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(weights, await api.GetByteArrayAsync($"{ExperimentsClient.Path}/{id}/model", ct));
        var history = await api.GetFromJsonAsync<JsonElement>(ExperimentsClient.Path, ct);
        Assert.Contains(history.EnumerateArray(), item => item.GetProperty("id").GetGuid() == id);
        api.DefaultRequestHeaders.Authorization = new("Bearer", "wf_not-a-token-of-anyone");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me", ct)).StatusCode);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal("completed", (await new ExperimentsClient(api).WaitForFinalStateAsync(waiting, ct)).Status);
    }

    private string Backup => Path.Combine(_work.FullName, "backups", "weatherdb.dump");

    /// <summary>The running server, named as a maintainer names a deployed one: with libpq's variables.</summary>
    private Task BackUpAsync(NpgsqlConnectionStringBuilder database, CancellationToken ct) =>
        RunScriptAsync("backup.sh", [Backup], new()
        {
            ["PGHOST"] = database.Host, ["PGPORT"] = database.Port.ToString(), ["PGUSER"] = database.Username,
            ["PGPASSWORD"] = database.Password, ["PGDATABASE"] = database.Database,
        }, ct);

    private static async Task WaitUntilSentToTheBrokerAsync(string connectionString, Guid id, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var sent = database.CreateCommand("""SELECT "DispatchedAt" IS NOT NULL FROM "Experiments" WHERE "Id" = $1""");
        sent.Parameters.AddWithValue(id);
        while (!(bool)(await sent.ExecuteScalarAsync(ct))!)
        {
            await Task.Delay(100, ct);
        }
    }

    [Fact]
    public async Task A_backup_refuses_to_overwrite_a_database_and_a_failed_backup_leaves_no_file()
    {
        using var timeout = TestTimeout.Requests();
        var backup = Path.Combine(_work.FullName, "unreachable.dump");
        var (exitCode, output) = await RunAsync("backup.sh", [backup], new() { ["PGHOST"] = "127.0.0.1", ["PGPORT"] = "1", ["PGPASSWORD"] = "x" }, timeout.Token);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("connection", output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_work.GetFiles());

        var state = Directory.CreateDirectory(Path.Combine(_work.FullName, "in-use", "postgres", "postgres", "data"));
        File.WriteAllText(Path.Combine(state.FullName, "PG_VERSION"), "15");
        File.WriteAllText(backup, "not read");
        (exitCode, output) = await RunAsync("restore.sh", [backup, Path.Combine(_work.FullName, "in-use")], new() { ["PGPASSWORD"] = "x" }, timeout.Token);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("already holds a database", output);
    }

    /// <summary>The restored state folder under the AppHost's own model, without the web: servers, api, trainers.</summary>
    private static async Task<DistributedApplication> StartOnAsync(string state, string postgresPassword, CancellationToken ct)
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
            [.. AppHostArguments.State(state), $"Parameters:postgres-password={postgresPassword}"], ct);
        appHost.Resources.Remove(appHost.Project(CompositionResources.Web).Resource);
        var app = await appHost.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Api, ct);
        return app;
    }

    private static async Task<string> RunScriptAsync(string script, string[] arguments, Dictionary<string, string?> environment, CancellationToken ct)
    {
        var (exitCode, output) = await RunAsync(script, arguments, environment, ct);
        Assert.True(exitCode == 0, $"eng/{script} exited {exitCode}: {output}");
        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string[] arguments, Dictionary<string, string?> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Path.Combine(PythonModule.RepositoryRoot, "eng", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Only what the test names: a PG* variable of the machine's must not pick the server.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Root hands the restored cluster to the postgres user, who must be able to reach it.</summary>
    private static DirectoryInfo TraversableTempDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("weatherflow-drill-");
        directory.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return directory;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
