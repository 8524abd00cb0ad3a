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
}
