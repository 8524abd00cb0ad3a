using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using WeatherFlow.Experiments.Data.DatasetFiles;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Datasets;

/// <summary>
/// Datasets through the api against the real composition: the built-in storm episode trained on, uploads owned like
/// runs, files in blob storage that go with their dataset, and configs that do not fit a dataset refused by field.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class DatasetApiTests(CompositionFixture composition)
{
    [Fact]
    public async Task The_storm_episode_is_built_in_and_trains_at_12_h_on_blocks_that_never_overlap()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        using var api = composition.CreateApiClient();
        var storm = await BuiltInStormAsync(api, ct);
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

    [Theory]
    [InlineData("\"leadHours\":7", "dataset", "leadHours")]
    [InlineData("\"channels\":[\"q@850\"]", "dataset", "channels")]
    [InlineData("\"leadHours\":6}, \"model\":{\"backbone\":\"icosahedral\"", "model", "backbone")]
    [InlineData("\"leadHours\":6}, \"model\":{\"backbone\":\"grid\",\"sphericalPadding\":true", "model", "sphericalPadding")]
    public async Task A_config_that_does_not_fit_the_dataset_gets_422_naming_the_field(string datasetMembers, string section, string field)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        using var api = composition.CreateApiClient();
        await BuiltInStormAsync(api, ct);
        var config = $$$"""{"dataset":{"source":"ncar-storm-1996",{{{datasetMembers}}}}}""";
        using var response = await new ExperimentsClient(api).SubmitAsync(config, respondAsync: true, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var locations = JsonDocument.Parse(body).RootElement.GetProperty("detail").EnumerateArray()
            .Select(error => string.Join('.', error.GetProperty("loc").EnumerateArray().Select(part => part.ToString()))).ToList();
        Assert.Contains($"body.{section}.{field}", locations);
    }

    [Fact]
    public async Task An_unknown_dataset_gets_422_at_source()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var api = composition.CreateApiClient();
        using var response = await new ExperimentsClient(api).SubmitAsync("""{"dataset":{"source":"no-such-dataset"}}""", respondAsync: true, timeout.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no-such-dataset", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task An_upload_is_its_owners_trains_and_goes_with_its_files_only_when_no_run_uses_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        using var alice = composition.CreateApiClient((await composition.NewAccountAsync("dataset-alice", ct)).Token);
        using var bob = composition.CreateApiClient((await composition.NewAccountAsync("dataset-bob", ct)).Token);

        using var noise = await DatasetUploads.UploadAsync(alice, "noise", [("noise.nc", [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))])], ct);
        var noiseBody = await noise.Content.ReadAsStringAsync(ct);
        Assert.True(noise.StatusCode == HttpStatusCode.UnprocessableEntity, noiseBody);
        Assert.Contains("noise.nc", noiseBody);
        Assert.Empty(await MineAsync(alice, ct));

        using var created = await DatasetUploads.UploadAsync(alice, "two formats",
            [("t-classic.nc", DatasetUploads.Write("t", "classic")), ("q-nc4.nc", DatasetUploads.Write("q", "nc4"))], ct);
        var createdBody = await created.Content.ReadAsStringAsync(ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody);
        var dataset = JsonDocument.Parse(createdBody).RootElement;
        var id = dataset.GetProperty("id").GetGuid();
        Assert.Equal(["q", "t"], dataset.GetProperty("description").GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.Equal(6, dataset.GetProperty("description").GetProperty("time").GetProperty("stepHours").GetDouble());
        Assert.Contains(id, await DatasetUploads.ListedIdsAsync(alice, ct));
        Assert.DoesNotContain(id, await DatasetUploads.ListedIdsAsync(bob, ct));
        using (var hidden = await bob.GetAsync($"{DatasetUploads.Path}/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var notBobs = await bob.DeleteAsync($"{DatasetUploads.Path}/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, notBobs.StatusCode);
        }

        // Seconds of training (blobs to fetch, 6 epochs of single-sample batches): it is still queued or running when the
        // deletion is asked for a few milliseconds after its acknowledgement; cancelled afterwards.
        var experiments = new ExperimentsClient(alice);
        var run = await experiments.StartAsync($$$"""{"dataset":{"source":"{{{id}}}","leadHours":6},"model":{"backbone":"grid","hiddenDim":128,"nLayers":4,"windowSize":4},"training":{"epochs":6,"batchSize":1}}""", ct);
        using (var inUse = await alice.DeleteAsync($"{DatasetUploads.Path}/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
            Assert.Contains(run.ToString(), await inUse.Content.ReadAsStringAsync(ct));
        }
        using (await experiments.CancelAsync(run, ct))
        {
        }
        await experiments.WaitForFinalStateAsync(run, ct);
        using (var deleted = await alice.DeleteAsync($"{DatasetUploads.Path}/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using (var gone = await alice.GetAsync($"{DatasetUploads.Path}/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        var blobs = new BlobServiceClient(await composition.App.GetConnectionStringAsync(CompositionResources.Blobs, ct))
            .GetBlobContainerClient(DatasetFileStore.ContainerName);
        Assert.Empty(await blobs.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{id}/" }, ct).ToListAsync(ct));
    }

    public static string StormConfig(string datasetMembers) => $$$"""
        {"dataset":{"source":"ncar-storm-1996",{{{datasetMembers}}}},
         "model":{"backbone":"grid","hiddenDim":32,"nLayers":1,"windowSize":4},
         "training":{"epochs":1,"batchSize":8,"timeSteps":3,"solverMethod":"rk4"}}
        """;

    /// <summary>The built-in dataset, once the api has registered it (it does so in the background after its migrations).</summary>
    public static async Task<JsonElement> BuiltInStormAsync(HttpClient api, CancellationToken ct)
    {
        while (true)
        {
            var datasets = await api.GetFromJsonAsync<JsonElement>(DatasetUploads.Path, ct);
            if (datasets.EnumerateArray().FirstOrDefault(d => d.GetProperty("name").GetString() == "ncar-storm-1996") is { ValueKind: JsonValueKind.Object } storm)
            {
                return storm;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private static async Task<List<JsonElement>> MineAsync(HttpClient api, CancellationToken ct) =>
        [.. (await api.GetFromJsonAsync<JsonElement>(DatasetUploads.Path, ct)).EnumerateArray().Where(d => d.GetProperty("mine").GetBoolean())];
}
