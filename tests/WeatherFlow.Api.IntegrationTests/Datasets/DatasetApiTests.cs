using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using WeatherFlow.Data.DatasetFiles;

namespace WeatherFlow.Api.IntegrationTests.Datasets;

/// <summary>
/// Datasets through the api against real Postgres and Azurite: uploads owned like runs, files in blob storage that go
/// with their dataset, and configs that do not fit a dataset refused by field.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatasetApiTests(ApiFixture api)
{
    [Theory]
    [InlineData("\"leadHours\":7", "dataset", "leadHours")]
    [InlineData("\"channels\":[\"q@850\"]", "dataset", "channels")]
    [InlineData("\"leadHours\":6}, \"model\":{\"backbone\":\"icosahedral\"", "model", "backbone")]
    [InlineData("\"leadHours\":6}, \"model\":{\"backbone\":\"grid\",\"sphericalPadding\":true", "model", "sphericalPadding")]
    public async Task A_config_that_does_not_fit_the_dataset_gets_422_naming_the_field(string datasetMembers, string section, string field)
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        using var client = api.CreateClient();
        await DatasetUploads.BuiltInStormAsync(client, ct);
        var config = $$$"""{"dataset":{"source":"ncar-storm-1996",{{{datasetMembers}}}}}""";
        using var response = await new ExperimentsClient(client).SubmitAsync(config, respondAsync: true, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var locations = JsonDocument.Parse(body).RootElement.GetProperty("detail").EnumerateArray()
            .Select(error => string.Join('.', error.GetProperty("loc").EnumerateArray().Select(part => part.ToString()))).ToList();
        Assert.Contains($"body.{section}.{field}", locations);
    }

    [Fact]
    public async Task An_unknown_dataset_gets_422_at_source()
    {
        using var timeout = TestTimeout.Requests();
        using var client = api.CreateClient();
        using var response = await new ExperimentsClient(client).SubmitAsync("""{"dataset":{"source":"no-such-dataset"}}""", respondAsync: true, timeout.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no-such-dataset", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task An_upload_is_its_owners_trains_and_goes_with_its_files_only_when_no_run_uses_it()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        using var alice = await api.NewAccountClientAsync("dataset-alice", ct);
        using var bob = await api.NewAccountClientAsync("dataset-bob", ct);

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

        // No trainer runs here: the run stays queued, and so uses the dataset, until it is cancelled.
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
        var blobs = new BlobServiceClient(await api.ConnectionStringAsync("blobs", ct))
            .GetBlobContainerClient(DatasetFileStore.ContainerName);
        Assert.Empty(await blobs.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{id}/" }, ct).ToListAsync(ct));
    }

    private static async Task<List<JsonElement>> MineAsync(HttpClient api, CancellationToken ct) =>
        [.. (await api.GetFromJsonAsync<JsonElement>(DatasetUploads.Path, ct)).EnumerateArray().Where(d => d.GetProperty("mine").GetBoolean())];
}
