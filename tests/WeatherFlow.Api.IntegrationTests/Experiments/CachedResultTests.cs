using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Data.Caching;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>
/// A config whose result is cached is answered at once, and the run keeps the document's per-epoch metrics, ranking
/// numbers and evaluation scores as a trained run keeps its own. No trainer runs here, so the document (the
/// reference's example response, with an evaluation added) is put in the cache as a trainer would put it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CachedResultTests(ApiFixture api)
{
    [Fact]
    public async Task A_cached_config_completes_at_once_with_the_metrics_and_scores_of_the_cached_result()
    {
        using var timeout = TestTimeout.Requests();
        var ct = timeout.Token;
        var tag = $"cached-{Guid.NewGuid():N}"[..24];
        var body = JsonNode.Parse(ExperimentRequests.Tiny(seed: 2981))!.AsObject();
        body["tags"] = new JsonArray(tag);
        var config = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes(body.ToJsonString())).Config!;
        var document = CachedDocument();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync((await api.ConnectionStringAsync("cache", ct))!))
        {
            await new ExperimentResultCache(redis, Options.Create(new ResultCacheOptions()), NullLogger<ExperimentResultCache>.Instance)
                .SetAsync(config.ComputeHash(), document);
        }
        using var client = api.CreateClient();

        using var answer = await new ExperimentsClient(client).SubmitAsync(body.ToJsonString(), respondAsync: false, ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("WeatherFlow; hit", Assert.Single(answer.Headers.GetValues("Cache-Status")));
        var id = ExperimentsClient.IdOf(answer.Content.Headers.ContentLocation);
        var expectedMetrics = ExperimentEpochMetric.From(id, document);
        var metrics = await client.GetFromJsonAsync<List<EpochLosses>>($"{ExperimentsClient.Path}/{id}/metrics", ExperimentJson.Options, ct);
        Assert.Equal(
            expectedMetrics.Select(row => (row.Epoch, row.Loss, row.RolloutLoss, row.ValLoss, row.ValEnergyDiff)),
            metrics!.Select(row => (row.Epoch, row.Loss, row.RolloutLoss, row.ValLoss, row.ValEnergyDiff)));
        var row = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}?tag={tag}", ct)).EnumerateArray());
        var expectedScores = ResultScores.Of(document);
        Assert.Equal(expectedScores.ValidationLoss, row.GetProperty("validationLoss").GetDouble());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("meanSkill").ValueKind);
        foreach (var (score, value) in (ValueTuple<string, double>[])[("rmse:t@500:6h", 1.5), ("skill:t@500:12h", 0.25)])
        {
            var aggregate = await client.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/aggregates?tag={tag}&metric={score}", ct);
            var group = Assert.Single(aggregate.GetProperty("groups").EnumerateArray());
            Assert.Equal((1, value), (group.GetProperty("count").GetInt32(), group.GetProperty("mean").GetDouble()));
        }
    }

    /// <summary>The reference's example response, as a run of today stores it: with an evaluation of two leads.</summary>
    private static string CachedDocument()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "example-response.json")))!.AsObject();
        document["evaluation"] = JsonNode.Parse("""
            {"testSet":"synthetic","stepHours":6,"leadTimes":[6,12],"scores":[
              {"channel":"t@500","leadHours":6,"steps":1,"cases":4,"model":{"rmse":1.5,"bias":0.1,"acc":0.9},
               "persistence":{"rmse":2.0,"bias":0.0,"acc":0.8},"climatology":{"rmse":3.0,"bias":0.0,"acc":null},
               "skillVsPersistence":0.25,"skillVsClimatology":0.5},
              {"channel":"t@500","leadHours":12,"steps":2,"cases":4,"model":{"rmse":2.25,"bias":0.2,"acc":0.7},
               "persistence":{"rmse":3.0,"bias":0.0,"acc":0.6},"climatology":{"rmse":3.0,"bias":0.0,"acc":null},
               "skillVsPersistence":0.25,"skillVsClimatology":0.25}]}
            """);
        return document.ToJsonString();
    }
}
