using System.Net;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Any api replica serves any experiment: progress comes from the trainers through Redis and Postgres, not
/// from the replica that accepted the request.</summary>
[Collection(ExperimentResilienceCollection.Name)]
public sealed class ExperimentAcrossApiReplicasTests(TwoApiReplicasFixture composition) : IClassFixture<TwoApiReplicasFixture>
{
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var replicas = await composition.ApiReplicaClientsAsync();
        var (first, second) = (new ExperimentsClient(replicas[0]), new ExperimentsClient(replicas[1]));
        var id = await first.StartAsync(ExperimentRequests.Tiny(seed: 2503), timeout.Token);
        Assert.Equal("completed", (await first.WaitForFinalStateAsync(id, timeout.Token)).Status);
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
}
