using System.Net;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>What the services export over OTLP while an experiment goes from the api through RabbitMQ to a trainer.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentTelemetryTests(CompositionFixture composition)
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_trace_runs_from_the_api_request_through_the_broker_to_the_trainer_run()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(composition.CreateApiClient());
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 2601), timeout.Token);

        var trace = await EventuallyAsync(() => composition.Collector.Spans
            .Where(s => s is { Service: CompositionResources.Trainer, Name: "experiment run" })
            .Select(run => composition.Collector.Spans.Where(s => s.TraceId == run.TraceId).ToList())
            .FirstOrDefault(spans => spans.Any(s => s.Service == CompositionResources.Api && s.Name.StartsWith("POST /api/experiments", StringComparison.Ordinal))));

        (string Service, string Name)[] chain =
        [
            (CompositionResources.Api, "experiment submit"),
            (CompositionResources.Api, "experiment dispatch"),
            (CompositionResources.Api, "trainer-work send"),
            (CompositionResources.Trainer, "trainer-work receive"),
            (CompositionResources.Trainer, "trainer-work process"),
        ];
        Assert.All(chain, link => Assert.Contains(trace, s => s.Service == link.Service && s.Name == link.Name));
    }

    [Fact]
    public async Task Api_and_trainer_export_the_experiment_counters_and_run_time()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(composition.CreateApiClient());
        var request = ExperimentRequests.Tiny(seed: 2602);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await experiments.SubmitAsync(request, respondAsync: false, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        string[] expected =
        [
            "api weatherflow.experiments.submitted",
            "api weatherflow.experiments.cached",
            "trainer weatherflow.experiments.completed",
            "trainer weatherflow.experiments.run_time",
        ];
        var exported = await EventuallyAsync(() =>
        {
            var names = composition.Collector.Metrics.Select(m => $"{m.Service} {m.Name}").ToHashSet();
            return expected.All(names.Contains) ? names : null;
        });
        Assert.Superset(expected.ToHashSet(), exported);
    }

    /// <summary>The exporters send every second (the AppHost's OTEL_*_SCHEDULE_DELAY and export interval).</summary>
    private async Task<T> EventuallyAsync<T>(Func<T?> find) where T : class
    {
        var until = DateTime.UtcNow + ExportWait;
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < until, $"Not exported within {ExportWait.TotalSeconds} s. Spans: "
                + string.Join(", ", composition.Collector.Spans.Select(s => $"{s.Service}:{s.Name}").Distinct()));
            await Task.Delay(200);
        }
    }
}
