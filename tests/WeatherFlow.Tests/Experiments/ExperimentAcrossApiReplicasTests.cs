using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlow.ServiceDefaults;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Any api replica serves any experiment: progress comes from the trainers through Redis and Postgres, not
/// from the replica that accepted the request. The rate limits are counted in Redis too, so they hold across
/// replicas; each rate limit test is a client address of its own (203.0.113.0/24, forwarded by the trusted proxy).</summary>
[Collection(ExperimentResilienceCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class ExperimentAcrossApiReplicasTests(TwoApiReplicasFixture composition) : IClassFixture<TwoApiReplicasFixture>
{
    [Fact]
    public async Task A_run_is_its_owners_on_either_replica_and_another_account_gets_404_from_both()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var owner = await composition.ApiReplicaClientsAsync((await composition.NewAccountAsync("frank", ct)).Token);
        var other = await composition.ApiReplicaClientsAsync((await composition.NewAccountAsync("grace", ct)).Token);
        var admin = await composition.ApiReplicaClientsAsync();
        var id = await new ExperimentsClient(owner[0]).StartAsync(ExperimentRequests.Tiny(seed: 2511), ct);
        await new ExperimentsClient(owner[1]).WaitForFinalStateAsync(id, ct);

        for (var replica = 0; replica < 2; replica++)
        {
            // Twice each: the second read of a finished run comes from the replica's cache of final jobs.
            foreach (var _ in (int[])[1, 2])
            {
                using var refused = await other[replica].GetAsync($"{ExperimentsClient.Path}/{id}", ct);
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
                Assert.Equal("completed", (await new ExperimentsClient(owner[replica]).GetJobAsync(id, ct)).GetProperty("status").GetString());
                Assert.Equal("completed", (await new ExperimentsClient(admin[replica]).GetJobAsync(id, ct)).GetProperty("status").GetString());
            }
            using var cancel = await new ExperimentsClient(other[replica]).DeleteAsync(id, ct);
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        }
        using var deleted = await new ExperimentsClient(admin[1]).DeleteAsync(id, ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Both_replicas_migrate_the_same_empty_database_at_once_and_become_healthy()
    {
        var replicas = await composition.ApiReplicaClientsAsync();

        Assert.Equal(2, replicas.Count);
        Assert.NotEqual(replicas[0].BaseAddress, replicas[1].BaseAddress);
        foreach (var replica in replicas)
        {
            using var health = await replica.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task Experiment_submitted_to_one_replica_streams_its_progress_from_the_other()
    {
        using var timeout = TestTimeout.Runs();
        var replicas = await composition.ApiReplicaClientsAsync();
        var id = await new ExperimentsClient(replicas[0]).StartAsync(ExperimentRequests.Seconds(seed: 2501), timeout.Token);

        var other = new ExperimentsClient(replicas[1]);
        var events = new List<ServerSentEvent>();
        await foreach (var sse in other.EventsAsync(id, timeout.Token))
        {
            events.Add(sse);
        }

        Assert.Contains(events, e => e is { Status: "running", Progress: > 0 and < 100 });
        Assert.Equal("completed", events[^1].Name);
        Assert.Equal("completed", (await other.GetJobAsync(id, timeout.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Experiment_running_from_one_replica_is_cancelled_through_the_other()
    {
        using var timeout = TestTimeout.Runs();
        var replicas = await composition.ApiReplicaClientsAsync();
        var submitter = new ExperimentsClient(replicas[0]);
        var id = await submitter.StartAsync(ExperimentRequests.Minutes(seed: 2502), timeout.Token);
        await submitter.WaitForAsync(id, e => e is { Status: "running", Progress: > 0 }, timeout.Token);

        using var cancel = await new ExperimentsClient(replicas[1]).CancelAsync(id, timeout.Token);

        Assert.True(cancel.IsSuccessStatusCode, $"cancel answered {(int)cancel.StatusCode}");
        Assert.Equal("cancelled", (await submitter.WaitForFinalStateAsync(id, timeout.Token)).Status);
    }

    [Fact]
    public async Task A_finished_run_renamed_or_deleted_through_one_replica_is_seen_so_by_the_other()
    {
        using var timeout = TestTimeout.Runs();
        var replicas = await composition.ApiReplicaClientsAsync();
        var (first, second) = (new ExperimentsClient(replicas[0]), new ExperimentsClient(replicas[1]));
        var id = await first.RunAsync(ExperimentRequests.Tiny(seed: 2503), timeout.Token);
        // Both replicas now hold the finished job in their caches.
        Assert.Equal((await first.GetJobAsync(id, timeout.Token)).GetProperty("name").GetString(), (await second.GetJobAsync(id, timeout.Token)).GetProperty("name").GetString());

        using var renamed = await first.UpdateLabelsAsync(id, """{"name":"renamed on the first replica"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        // The other replica drops its cached copy when the change reaches it over Redis pub/sub, milliseconds later.
        var seen = "";
        for (var attempt = 0; attempt < 20 && seen != "renamed on the first replica"; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100, timeout.Token);
            seen = (await second.GetJobAsync(id, timeout.Token)).GetProperty("name").GetString();
        }
        Assert.Equal("renamed on the first replica", seen);
        using var deleted = await second.DeleteAsync(id, timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await replicas[0].GetAsync($"{ExperimentsClient.Path}/{id}", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_eleventh_anonymous_submission_within_the_hour_from_one_address_is_refused_by_either_replica()
    {
        using var timeout = TestTimeout.Runs();
        var client = await composition.ApiReplicaClientsAsync(IPAddress.Loopback, forwardedFor: "203.0.113.10");
        for (var submission = 0; submission < 10; submission++)
        {
            // The same config each time: after the first run, the result cache answers at once.
            using var accepted = await new ExperimentsClient(client[submission % 2]).SubmitAsync(ExperimentRequests.Tiny(seed: 2801), respondAsync: false, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        foreach (var replica in client)
        {
            using var refused = await new ExperimentsClient(replica).SubmitAsync(ExperimentRequests.Tiny(seed: 2801), respondAsync: false, timeout.Token);
            var retryAfter = await AssertTooManyRequestsAsync(refused, "Anonymous submissions are limited to 10 per hour per client address", timeout.Token);
            Assert.InRange(retryAfter, 1, 3600);
        }
        // Reads are counted apart, and other clients are not held back.
        using var read = await client[0].GetAsync("/api/options", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var other = await composition.ApiReplicaClientsAsync(IPAddress.Loopback, forwardedFor: "203.0.113.11");
        using var otherAddress = await new ExperimentsClient(other[1]).SubmitAsync(ExperimentRequests.Tiny(seed: 2801), respondAsync: false, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        // 127.0.0.2 is no trusted proxy: its claim to be 203.0.113.10 is ignored, and it is counted as itself.
        var notProxy = await composition.ApiReplicaClientsAsync(IPAddress.Parse("127.0.0.2"), forwardedFor: "203.0.113.10");
        using var claimed = await new ExperimentsClient(notProxy[0]).SubmitAsync(ExperimentRequests.Tiny(seed: 2801), respondAsync: false, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
    }

    [Fact]
    public async Task Reads_have_a_limit_of_their_own_that_spares_submissions_and_health()
    {
        using var timeout = TestTimeout.Runs();
        var client = await composition.ApiReplicaClientsAsync(IPAddress.Loopback, forwardedFor: "203.0.113.20");
        for (var read = 0; read < 300; read++)
        {
            using var answered = await client[read % 2].GetAsync("/api/options", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using var refused = await client[0].GetAsync($"{ExperimentsClient.Path}/{Guid.NewGuid()}", timeout.Token);
        var retryAfter = await AssertTooManyRequestsAsync(refused, "Anonymous reads are limited to 300 per minute per client address", timeout.Token);
        Assert.InRange(retryAfter, 1, 60);
        using var submitted = await new ExperimentsClient(client[1]).SubmitAsync(ExperimentRequests.Tiny(seed: 2802), respondAsync: false, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        foreach (var unlimited in (string[])["/api/health", "/health", "/alive", "/openapi/v1.json"])
        {
            using var answered = await client[1].GetAsync(unlimited, timeout.Token);
            Assert.True(answered.IsSuccessStatusCode, $"{unlimited} answered {(int)answered.StatusCode}");
        }
    }

    [Fact]
    public async Task While_redis_is_down_each_replica_counts_the_limits_on_its_own_and_health_says_degraded()
    {
        using var timeout = TestTimeout.Runs();
        var client = await composition.ApiReplicaClientsAsync(IPAddress.Loopback, forwardedFor: "203.0.113.30");
        // Refused by validation, so nothing trains, but counted all the same: the limit comes before the endpoint.
        const string invalid = """{"dataset":{"variables":["t","q"]}}""";
        await composition.App.StopResourceAsync(CompositionResources.Cache, timeout.Token);
        try
        {
            foreach (var replica in client)
            {
                using var health = await replica.GetAsync("/health", timeout.Token);
                var report = await health.Content.ReadFromJsonAsync<HealthReportResponse>(timeout.Token);
                Assert.Equal("Degraded", report!.Status);
            }
            for (var submission = 0; submission < 10; submission++)
            {
                using var answered = await new ExperimentsClient(client[0]).SubmitAsync(invalid, respondAsync: false, timeout.Token);
                Assert.Equal(HttpStatusCode.UnprocessableEntity, answered.StatusCode);
            }

            using var refused = await new ExperimentsClient(client[0]).SubmitAsync(invalid, respondAsync: false, timeout.Token);
            await AssertTooManyRequestsAsync(refused, "Anonymous submissions are limited to 10 per hour per client address", timeout.Token);
            using var otherReplica = await new ExperimentsClient(client[1]).SubmitAsync(invalid, respondAsync: false, timeout.Token);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, otherReplica.StatusCode);
        }
        finally
        {
            await composition.App.StartResourceAsync(CompositionResources.Cache, CancellationToken.None);
            await composition.App.ResourceNotifications.WaitForResourceHealthyAsync(CompositionResources.Cache, CancellationToken.None);
        }
    }

    /// <summary>Asserts a 429 ProblemDetails whose detail names the limit and repeats <c>Retry-After</c>, and returns
    /// that wait in seconds.</summary>
    private static async Task<int> AssertTooManyRequestsAsync(HttpResponseMessage response, string limit, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal($"{limit}; try again in {retryAfter} s, or sign in and send a personal access token.", problem.GetProperty("detail").GetString());
        return retryAfter;
    }
}
