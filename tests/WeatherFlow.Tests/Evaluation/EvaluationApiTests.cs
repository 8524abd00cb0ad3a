using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Evaluation;

/// <summary>
/// The evaluation through the api against the real composition: scores for every channel × lead, as JSON and CSV;
/// the compare scorecard against a chosen reference; the history sorted and aggregated by a score at a lead. Lead
/// times or score names that make no sense are tested in WeatherFlow.Api.IntegrationTests.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class EvaluationApiTests(CompositionFixture composition)
{
    [Fact]
    public async Task Runs_are_scored_per_channel_and_lead_compared_by_scorecard_and_sorted_by_a_score()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        using var api = await composition.NewAccountClientAsync("evaluation-erin", ct);
        var experiments = new ExperimentsClient(api);
        var ids = new List<Guid>();
        foreach (var (seed, hidden) in new[] { (8101, 32), (8102, 64) })
        {
            ids.Add(await experiments.StartAsync(ExperimentRequests.Evaluated(seed, hidden, "[6, 12]"), ct));
        }
        foreach (var id in ids)
        {
            await experiments.WaitForCompletionAsync(id, ct);
        }

        var scores = await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/{ids[0]}/scores", ct);
        Assert.Equal([6.0, 12.0], scores.GetProperty("leadTimes").EnumerateArray().Select(lead => lead.GetDouble()));
        var rows = scores.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(["t@500 12", "t@500 6", "z@500 12", "z@500 6"],
            rows.Select(row => $"{row.GetProperty("channel").GetString()} {row.GetProperty("leadHours").GetDouble()}").Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            Assert.Equal(4, row.GetProperty("cases").GetInt32());
            Assert.True(row.GetProperty("climatology").GetProperty("rmse").GetDouble() > 0);
        });
        var csv = await api.GetStringAsync($"{ExperimentsClient.Path}/{ids[0]}/scores.csv", ct);
        Assert.Equal(5, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var comparison = await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/compare?id={ids[0]}&id={ids[1]}&reference={ids[1]}", ct);
        var card = comparison.GetProperty("scorecard");
        Assert.Equal(ids[1], card.GetProperty("referenceId").GetGuid());
        var other = card.GetProperty("runs").EnumerateArray().Single(run => run.GetProperty("id").GetGuid() == ids[0]);
        var cells = other.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(4, other.GetProperty("targets").GetInt32());
        Assert.Equal(cells.Count(cell => cell.GetProperty("rmse").GetDouble() < cell.GetProperty("referenceRmse").GetDouble()), other.GetProperty("betterOn").GetInt32());
        using (var badReference = await api.GetAsync($"{ExperimentsClient.Path}/compare?id={ids[0]}&id={ids[1]}&reference={Guid.NewGuid()}", ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badReference.StatusCode);
        }

        var rmseOf = ids.ToDictionary(id => id, id => RmseAt(id == ids[0] ? scores : Scores(api, id, ct).Result, "z@500", 12));
        var listed = await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}?sort=rmse:z@500:12h&limit=1", ct);
        Assert.Equal(rmseOf.MinBy(pair => pair.Value).Key, listed.EnumerateArray().Single().GetProperty("id").GetGuid());
        var aggregates = await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/aggregates?metric=rmse:z@500:12h&by=hiddenDim", ct);
        var groups = aggregates.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(rmseOf[ids[0]], groups.Single(group => group.GetProperty("key").GetString() == "32").GetProperty("mean").GetDouble(), 9);
    }

    private static async Task<JsonElement> Scores(HttpClient api, Guid id, CancellationToken ct) =>
        await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/{id}/scores", ct);

    private static double RmseAt(JsonElement scores, string channel, double lead) => scores.GetProperty("scores").EnumerateArray()
        .Single(row => row.GetProperty("channel").GetString() == channel && row.GetProperty("leadHours").GetDouble() == lead)
        .GetProperty("model").GetProperty("rmse").GetDouble();
}
