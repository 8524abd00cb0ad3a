using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Datasets;

/// <summary>The built-in storm episode trained on through the real composition (uploads, and configs that do not fit a
/// dataset, are tested in WeatherFlow.Api.IntegrationTests).</summary>
[Collection(CompositionCollection.Name)]
public sealed class DatasetApiTests(CompositionFixture composition)
{
    [Fact]
    public async Task The_storm_episode_is_built_in_and_trains_at_12_h_on_blocks_that_never_overlap()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        using var api = composition.CreateApiClient();
        var storm = await DatasetUploads.BuiltInStormAsync(api, ct);
        var description = storm.GetProperty("description");
        Assert.Equal(["t", "p", "u", "v", "u@500", "v@500"], description.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([17, 36, 37], description.GetProperty("defectiveSteps").EnumerateArray().Select(step => step.GetInt32()));
        Assert.Equal(224, description.GetProperty("fillCells").GetInt32());
        Assert.Contains("University Corporation for Atmospheric Research", storm.GetProperty("licence").GetString());
        var id = storm.GetProperty("id").GetGuid();
        var map = await api.GetFromJsonAsync<JsonElement>($"{DatasetUploads.Path}/{id}/steps/0?channel=t", ct);
        Assert.Equal(224, map.GetProperty("values").EnumerateArray().Sum(row => row.EnumerateArray().Count(value => value.ValueKind == JsonValueKind.Null)));

        using var response = await new ExperimentsClient(api).SubmitAsync(StormConfig("\"channels\":[\"t\",\"p\"],\"leadHours\":12"), respondAsync: false, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var source = JsonDocument.Parse(body).RootElement.GetProperty("datasetSource");
        Assert.Equal(id.ToString(), source.GetProperty("datasetId").GetString());
        Assert.Equal(12, source.GetProperty("leadHours").GetInt32());
        var (train, validation, test) = (source.GetProperty("train"), source.GetProperty("validation"), source.GetProperty("test"));
        Assert.True(train.GetProperty("end").GetInt32() <= validation.GetProperty("start").GetInt32());
        Assert.True(validation.GetProperty("end").GetInt32() <= test.GetProperty("start").GetInt32());
        Assert.All([train, validation, test], block => Assert.True(block.GetProperty("pairs").GetInt32() > 0));
        Assert.Equal(["t", "p"], source.GetProperty("testScores").EnumerateArray().Select(score => score.GetProperty("channel").GetString()));
        Assert.Equal(224, source.GetProperty("maskedCells").GetInt32());

        var experimentId = JsonDocument.Parse(body).RootElement.GetProperty("experimentId").GetString();
        using var prediction = await api.PostAsync($"{ExperimentsClient.Path}/{experimentId}/predictions", JsonContent.Create(new { seed = 5 }), ct);
        Assert.Equal(HttpStatusCode.Conflict, prediction.StatusCode);
        Assert.Contains("dataset", await prediction.Content.ReadAsStringAsync(ct));
    }

    public static string StormConfig(string datasetMembers) => $$$"""
        {"dataset":{"source":"ncar-storm-1996",{{{datasetMembers}}}},
         "model":{"backbone":"grid","hiddenDim":32,"nLayers":1,"windowSize":4},
         "training":{"epochs":1,"batchSize":8,"timeSteps":3,"solverMethod":"rk4"}}
        """;
}
