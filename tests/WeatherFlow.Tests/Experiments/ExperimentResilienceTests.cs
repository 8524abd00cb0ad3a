using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using WeatherFlow.ServiceDefaults;
using WeatherFlow.Tests.Browser;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Nothing accepted is lost when parts of the composition fail; each test leaves the composition whole.</summary>
[Collection(ExperimentResilienceCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class ExperimentResilienceTests(CompositionFixture composition) : IClassFixture<CompositionFixture>
{
    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task Experiment_of_a_trainer_killed_mid_run_completes_on_a_trainer_that_runs()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        // 128 single-sample batches per epoch: the run is still going when its page has loaded and drawn its first
        // live point, which on a loaded machine took longer than a 32-sample run lasted (CI saw it finish first).
        var id = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2101, trainSamples: 128, epochs: 2, batchSize: 1), timeout.Token);
        await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);
        var holder = (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("trainerInstance").GetString()!;
        // The run's page, open meanwhile, says what happens: every text its attempt line shows is recorded.
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var attemptLines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await browser.Page.ExposeFunctionAsync("reportAttempt", (string text) => attemptLines.Enqueue(text));
        await browser.Page.AddInitScriptAsync("""
            document.addEventListener("DOMContentLoaded", () => {
                const line = document.getElementById("live-attempt");
                if (line) new MutationObserver(() => window.reportAttempt(line.textContent)).observe(line, { childList: true, characterData: true, subtree: true });
            });
            """);
        await browser.Page.GotoAsync(new Uri(composition.App.GetEndpoint(CompositionResources.Web), $"/experiments/{id}").ToString());
        // Following the stream already: the live chart has points from it.
        await browser.Page.WaitForFunctionAsync("() => (document.querySelector('#live-loss polyline.train')?.getAttribute('points') ?? '').trim().length > 0");

        // The whole tree: DCP starts a project through `dotnet run`, whose child is the trainer itself.
        Process.GetProcessById(await TrainerProcessIdAsync(holder)).Kill(entireProcessTree: true);

        var final = await experiments.WaitForFinalStateAsync(id, timeout.Token);
        Assert.Equal("completed", final.Status);
        Assert.Contains(attemptLines, text => text.StartsWith("Attempt 2: the trainer running it stopped", StringComparison.Ordinal));
        var job = await experiments.GetJobAsync(id, timeout.Token);
        // The other replica or the killed one, started again by the AppHost: whichever claimed the redelivered run.
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(2, job.GetProperty("result").GetProperty("metrics").GetProperty("train").GetArrayLength());
    }

    [Fact]
    public async Task Experiment_whose_trainers_stop_gracefully_four_times_completes_without_using_an_attempt()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        var trainers = await composition.App.GetInstanceIdsAsync(CompositionResources.Trainer);
        Assert.Equal(2, trainers.Count);
        var id = await experiments.StartAsync(ExperimentRequests.TenSeconds(seed: 2501), timeout.Token);
        for (var stop = 0; stop < 4; stop++)
        {
            await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);
            var stoppedAt = DateTimeOffset.UtcNow;
            // Aspire's stop command: SIGTERM to both replicas, as Ctrl+C or a scale-in does.
            await composition.App.StopResourceAsync(CompositionResources.Trainer, timeout.Token);
            await experiments.WaitForAsync(id, e => e.Status == "queued", timeout.Token);
            Assert.Equal(0, (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("attempts").GetInt32());
            // A stop asked for is no crash: the AppHost says it does not start either replica again, and has not.
            foreach (var trainer in trainers)
            {
                await composition.App.WaitForInstanceLogLineAsync(trainer, line => line.Contains("trainer was stopped on request, so WeatherFlow does not start it again")
                    && DistributedApplicationProcesses.LoggedAfter(line, stoppedAt), timeout.Token);
                Assert.Contains((await composition.App.WaitForInstanceAsync(trainer, _ => true, timeout.Token)).Snapshot.State?.Text, (string[])[KnownResourceStates.Finished, "Terminated"]);
            }
            await composition.App.StartResourceAsync(CompositionResources.Trainer, timeout.Token);
        }

        await experiments.WaitForCompletionAsync(id, timeout.Token);
        Assert.Equal(1, (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("attempts").GetInt32());
        await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Trainer, timeout.Token);
    }

    [Fact]
    public async Task A_prediction_cancelled_while_no_trainer_runs_stays_cancelled_when_the_trainers_return()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 2601), timeout.Token);
        var predictions = $"{ExperimentsClient.Path}/{id}/predictions";

        await composition.App.StopResourceAsync(CompositionResources.Trainer, timeout.Token);
        Uri cancelled;
        try
        {
            using var asked = await _api.PostAsync(predictions, JsonContent.Create(new { seed = 3 }), timeout.Token);
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            cancelled = asked.Headers.Location!;
            Assert.Equal("queued", (await _api.GetFromJsonAsync<JsonElement>(cancelled, timeout.Token)).GetProperty("status").GetString());
            using var cancel = await _api.PostAsync($"{cancelled}/cancel", null, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Trainer, CancellationToken.None);
        }

        // The queue is first in, first out: once a later prediction is answered, the trainers have had the cancelled one.
        using var later = await _api.PostAsync(predictions, JsonContent.Create(new { seed = 4 }), timeout.Token);
        var laterStatus = "queued";
        while (laterStatus is "queued" or "running")
        {
            await Task.Delay(200, timeout.Token);
            laterStatus = (await _api.GetFromJsonAsync<JsonElement>(later.Headers.Location!, timeout.Token)).GetProperty("status").GetString();
        }
        var final = await _api.GetFromJsonAsync<JsonElement>(cancelled, timeout.Token);
        Assert.Equal("completed", laterStatus);
        Assert.Equal("cancelled", final.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("forecast").ValueKind);
        await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Trainer, timeout.Token);
    }

    [Fact]
    public async Task Experiments_run_while_redis_is_down_and_health_says_degraded()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        await composition.App.StopResourceAsync(CompositionResources.Cache, timeout.Token);
        try
        {
            using var health = await _api.GetAsync("/health", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = await health.Content.ReadFromJsonAsync<HealthReportResponse>(timeout.Token);
            Assert.Equal("Degraded", report!.Status);
            Assert.Contains(report.Checks, c => c is { Name: "StackExchange.Redis", Status: "Degraded" });

            using var synchronous = await experiments.SubmitAsync(ExperimentRequests.Tiny(seed: 2201), respondAsync: false, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
            Assert.Equal("WeatherFlow; fwd=miss", Assert.Single(synchronous.Headers.GetValues("Cache-Status")));

            var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 2202), timeout.Token);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Cache, CancellationToken.None);
            await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Cache, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Experiment_and_prediction_accepted_while_the_broker_is_down_complete_once_it_is_back()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        var modelRun = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2302), timeout.Token);
        await experiments.WaitForCompletionAsync(modelRun, timeout.Token);
        await composition.App.StopResourceAsync(CompositionResources.Messaging, timeout.Token);
        Guid id;
        Uri prediction;
        try
        {
            id = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2301), timeout.Token);
            Assert.Equal("queued", (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("status").GetString());
            using var accepted = await _api.PostAsJsonAsync($"{ExperimentsClient.Path}/{modelRun}/predictions", new { seed = 2303 }, timeout.Token);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            prediction = accepted.Headers.Location!;
            await HealthBecomesAsync(HttpStatusCode.ServiceUnavailable, timeout.Token);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Messaging, CancellationToken.None);
        }

        await experiments.WaitForCompletionAsync(id, timeout.Token);
        Assert.Equal("completed", await PredictionStatusWhenFinalAsync(prediction, timeout.Token));
        await HealthBecomesAsync(HttpStatusCode.OK, timeout.Token);
    }

    private Task<string> PredictionStatusWhenFinalAsync(Uri location, CancellationToken ct) =>
        Poll.UntilAsync(async c => (await _api.GetFromJsonAsync<JsonElement>(location, c)).GetProperty("status").GetString()!,
            status => status is not ("queued" or "running"), ct);

    /// <summary>
    /// What a deployed broker on its persistent volume promises: commands it confirmed survive its death. The api's
    /// sweep re-sends only commands that never reached the broker, so these complete only if the broker kept them.
    /// </summary>
    [Fact]
    public async Task Experiments_waiting_in_the_brokers_queue_survive_its_crash()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        var experiments = new ExperimentsClient(_api);
        await composition.App.StopResourceAsync(CompositionResources.Trainer, ct);
        Dictionary<Guid, DateTime> dispatched;
        try
        {
            var waiting = new[] { await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2801), ct), await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2802), ct) };
            dispatched = await DispatchTimesAsync(waiting, ct);
            Process.GetProcessById(await ServerProcessIdAsync(CompositionResources.Messaging)).Kill();
            await composition.App.ResourceNotifications.WaitForResourceAsync(CompositionResources.Messaging, e => e.Snapshot.State?.Text != KnownResourceStates.Running, ct);
            await composition.App.ResourceNotifications.WaitForResourceAsync(CompositionResources.Messaging,
                e => e.Snapshot is { State.Text: var state, HealthStatus: HealthStatus.Healthy } && state == KnownResourceStates.Running, ct);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Trainer, CancellationToken.None);
        }

        foreach (var id in dispatched.Keys)
        {
            await experiments.WaitForCompletionAsync(id, ct);
            Assert.Equal(1, (await experiments.GetJobAsync(id, ct)).GetProperty("attempts").GetInt32());
        }
        Assert.Equal(dispatched, await DispatchTimesAsync(dispatched.Keys, ct));
        await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Trainer, ct);
    }

    /// <summary>When the api recorded each experiment's command as confirmed by the broker, once all are.</summary>
    private async Task<Dictionary<Guid, DateTime>> DispatchTimesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create((await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb, ct))!);
        while (true)
        {
            await using var query = database.CreateCommand("""SELECT "Id", "DispatchedAt" FROM "Experiments" WHERE "Id" = ANY($1) AND "DispatchedAt" IS NOT NULL""");
            query.Parameters.AddWithValue(ids.ToArray());
            var times = new Dictionary<Guid, DateTime>();
            await using (var reader = await query.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    times[reader.GetGuid(0)] = reader.GetDateTime(1);
                }
            }
            if (times.Count == ids.Count())
            {
                return times;
            }
            await Task.Delay(100, ct);
        }
    }

    [Fact]
    public async Task Running_experiment_completes_across_a_database_restart()
    {
        using var timeout = TestTimeout.LongRuns();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.StartAsync(ExperimentRequests.Seconds(seed: 2401), timeout.Token);
        await experiments.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);

        await composition.App.StopResourceAsync(CompositionResources.Postgres, timeout.Token);
        try
        {
            await HealthBecomesAsync(HttpStatusCode.ServiceUnavailable, timeout.Token);
            using var whileDown = await _api.GetAsync($"{ExperimentsClient.Path}/{id}", timeout.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
            Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(whileDown.Headers.RetryAfter);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Postgres, CancellationToken.None);
        }
        await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Postgres, timeout.Token);
        await HealthBecomesAsync(HttpStatusCode.OK, timeout.Token);

        await experiments.WaitForCompletionAsync(id, timeout.Token);
        var job = await experiments.GetJobAsync(id, timeout.Token);
        Assert.Equal(3, job.GetProperty("result").GetProperty("metrics").GetProperty("train").GetArrayLength());
    }

    [Fact]
    public async Task Backing_servers_killed_during_runs_come_back_by_themselves_and_every_experiment_completes()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        var experiments = new ExperimentsClient(_api);
        var running = await experiments.StartAsync(ExperimentRequests.TenSeconds(seed: 2701), ct);
        var accepted = new List<Guid> { running };
        var seed = 2710;
        foreach (var server in (string[])[CompositionResources.Cache, CompositionResources.Postgres, CompositionResources.Messaging])
        {
            accepted.Add(await experiments.StartAsync(ExperimentRequests.Tiny(seed: seed++), ct));
            // SIGKILL, as the kernel's OOM killer or a crash would end it: no chance to shut down.
            Process.GetProcessById(await ServerProcessIdAsync(server)).Kill();
            await composition.App.ResourceNotifications.WaitForResourceAsync(server, e => e.Snapshot.State?.Text != KnownResourceStates.Running, ct);
            await composition.App.ResourceNotifications.WaitForResourceAsync(server,
                e => e.Snapshot is { State.Text: var state, HealthStatus: HealthStatus.Healthy } && state == KnownResourceStates.Running, ct);
        }

        foreach (var id in accepted)
        {
            await experiments.WaitForCompletionAsync(id, ct);
        }
    }

    /// <summary>
    /// Issue 27's attack on a local run: both trainers SIGKILLed, the second as soon as the first is down, and each
    /// killed again as soon as it is started again until the api has been seen to say that no trainer runs; then the
    /// api. The AppHost starts each again, later after each crash in a row, and says so in its console log. While no
    /// trainer runs, a queued run's job, event stream, history row and page say so, and so does the api's
    /// <c>/health</c>, which stays 200 and Healthy. Every acknowledged run completes.
    /// </summary>
    [Fact]
    public async Task Killed_trainers_and_api_are_started_again_and_every_acknowledged_run_completes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var experiments = new ExperimentsClient(_api);
        var accepted = new List<Guid> { await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2901), ct) };
        accepted.Add(await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2902), ct));
        await experiments.WaitForAsync(accepted[0], e => e.Status == "running", ct);

        var trainers = await composition.App.GetRunningInstancesAsync(CompositionResources.Trainer);
        Assert.Equal(2, trainers.Count);
        var trainersKilledAt = DateTimeOffset.UtcNow;
        Kill(trainers[0].Pid);
        await composition.App.WaitForInstanceAsync(trainers[0].Id, e => e.Snapshot.State?.Text != KnownResourceStates.Running, ct);
        Kill(trainers[1].Pid);
        // A trainer is back within about 3 s here, so how long none runs is not left to the machine's speed.
        var killed = new ConcurrentDictionary<int, string>(trainers.ToDictionary(t => t.Pid, t => t.Id));
        using (var keepingDown = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var keeper = KillEveryTrainerThatStartsAsync(killed, keepingDown.Token);
            accepted.Add(await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2903), ct));
            accepted.Add(await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2904), ct));
            await NoTrainerIsRunningIsShownAsync(accepted[^1], ct);
            await keepingDown.CancelAsync();
            await keeper;
        }

        var api = Assert.Single(await composition.App.GetRunningInstancesAsync(CompositionResources.Api));
        var apiKilledAt = DateTimeOffset.UtcNow;
        Kill(api.Pid);
        killed[api.Pid] = api.Id;

        foreach (var (instance, resource, killedAt) in trainers.Select(t => (t.Id, CompositionResources.Trainer, trainersKilledAt)).Append((api.Id, CompositionResources.Api, apiKilledAt)))
        {
            // Each crash in a row doubles the delay: 1 s after the first, 2 s after the second.
            var crashes = killed.Values.Count(id => id == instance);
            var line = await composition.App.WaitForInstanceLogLineAsync(instance,
                line => line.Contains($"{resource} stopped unexpectedly") && line.Contains($"(crash {crashes} in a row)")
                    && DistributedApplicationProcesses.LoggedAfter(line, killedAt), ct);
            Assert.Matches($@"\(Finished, exit code -?\d+\); WeatherFlow starts it again in {Math.Pow(2, crashes - 1)} s \(crash {crashes} in a row\)", line);
            await composition.App.WaitForInstanceAsync(instance, e => e.Snapshot.State?.Text == KnownResourceStates.Running
                && DistributedApplicationProcesses.ProcessIdOf(e) is var pid && pid > 0 && !killed.ContainsKey(pid), ct);
        }
        // Replicas share the proxy their health checks go through, so only the api's own health says it is back.
        await composition.App.WaitForInstanceAsync(api.Id, e => e.Snapshot.HealthStatus == HealthStatus.Healthy, ct);
        foreach (var id in accepted)
        {
            Assert.Equal("completed", (await experiments.WaitForFinalStateAsync(id, ct)).Status);
        }
        // Both trainers are back at work: the broker counts a consumer of each again.
        while ((await TrainersHealthAsync(ct)).Description != "2 trainers connected")
        {
            await Task.Delay(200, ct);
        }
    }

    /// <summary>SIGKILLs the process of every trainer instance that starts and was not killed yet, recording it, until cancelled.</summary>
    private async Task KillEveryTrainerThatStartsAsync(ConcurrentDictionary<int, string> killed, CancellationToken stop)
    {
        try
        {
            await foreach (var e in composition.App.ResourceNotifications.WatchAsync(stop))
            {
                if (e.Resource.Name == CompositionResources.Trainer && e.Snapshot.State?.Text == KnownResourceStates.Running
                    && DistributedApplicationProcesses.ProcessIdOf(e) is var pid && pid > 0 && killed.TryAdd(pid, e.ResourceId))
                {
                    try
                    {
                        Kill(pid);
                    }
                    catch (ArgumentException)
                    {
                        // It died by itself already, which counts as a crash all the same.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a crash ends a process. The whole tree: DCP starts a project
    /// through `dotnet run`, whose child is the project itself.</summary>
    private static void Kill(int pid) => Process.GetProcessById(pid).Kill(entireProcessTree: true);

    /// <summary>
    /// Polls, while no trainer runs, until the queued run's job, its event stream, its history row and its page on the
    /// web have each said that no trainer is running, and the api's <c>/health</c> too; <c>/health</c> must answer 200
    /// Healthy throughout.
    /// </summary>
    private async Task NoTrainerIsRunningIsShownAsync(Guid queued, CancellationToken ct)
    {
        const string NoTrainer = "waiting: no trainer is running";
        var experiments = new ExperimentsClient(_api);
        using var web = composition.CreateWebClient();
        var streamed = experiments.WaitForAsync(queued, e => e.CurrentStep == NoTrainer, ct);
        var shown = new HashSet<string>();
        while (shown.Count < 4 || !streamed.IsCompleted)
        {
            if ((await experiments.GetJobAsync(queued, ct)).GetProperty("currentStep").GetString() == NoTrainer)
            {
                shown.Add("job");
            }
            var rows = await _api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}?status=queued&limit=200", ct);
            if (rows.EnumerateArray().Any(row => row.GetProperty("id").GetGuid() == queued && row.GetProperty("currentStep").GetString() == NoTrainer))
            {
                shown.Add("history");
            }
            if ((await web.GetStringAsync($"/experiments/{queued}", ct)).Contains($"<span id=\"progress-step\">{NoTrainer}</span>", StringComparison.Ordinal))
            {
                shown.Add("page");
            }
            if ((await TrainersHealthAsync(ct)).Description == NoTrainer)
            {
                shown.Add("health");
            }
            await Task.Delay(100, ct);
        }
        Assert.Equal("queued", (await streamed).Status);
    }

    /// <summary>The <c>trainers</c> entry of the api's <c>/health</c>, which answers 200 Healthy whether or not trainers run.</summary>
    private async Task<HealthCheckEntry> TrainersHealthAsync(CancellationToken ct)
    {
        using var api = composition.App.CreateHttpClient(CompositionResources.Api);
        using var health = await api.GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<HealthReportResponse>(ct);
        Assert.Equal("Healthy", report!.Status);
        return Assert.Single(report.Checks, c => c.Name == "trainers");
    }

    /// <summary>
    /// Waits until the api's and a trainer's <c>/health</c> both answer <paramref name="status"/> and fails if that
    /// takes more than 15 s: an orchestrator routes by it, so it must follow a dependency's death and return.
    /// <c>/alive</c> is about the process only, so it says 200 all along.
    /// </summary>
    private async Task HealthBecomesAsync(HttpStatusCode status, CancellationToken ct)
    {
        // As an orchestrator probes: without a token, whose check needs the database.
        using var api = composition.App.CreateHttpClient(CompositionResources.Api);
        using var trainer = composition.App.CreateHttpClient(CompositionResources.Trainer);
        var waited = Stopwatch.StartNew();
        foreach (var client in (HttpClient[])[api, trainer])
        {
            HttpStatusCode? seen = null;
            while (seen != status)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"/health still answers {seen}, not {status}, after {waited.Elapsed.TotalSeconds:F0} s");
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
                using var response = await client.SendAsync(request, ct);
                seen = response.StatusCode;
                using var alive = await client.GetAsync("/alive", ct);
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>The server process itself: for RabbitMQ the Erlang VM under Debian's start script.</summary>
    private async Task<int> ServerProcessIdAsync(string server)
    {
        var pid = Assert.Single(await composition.App.GetProcessIdsAsync(server));
        return server == CompositionResources.Messaging
            ? Assert.Single(ProcessInspection.Descendants([pid]), p => ProcessInspection.CommandLine(p) is [var program, ..] && program.EndsWith("beam.smp", StringComparison.Ordinal))
            : pid;
    }

    private async Task<int> TrainerProcessIdAsync(string instanceId) =>
        Assert.Single(await composition.App.GetProcessIdsAsync(CompositionResources.Trainer), pid =>
            ProcessInspection.Environment(pid)["OTEL_RESOURCE_ATTRIBUTES"].Split(',').Contains($"service.instance.id={instanceId}"));
}
