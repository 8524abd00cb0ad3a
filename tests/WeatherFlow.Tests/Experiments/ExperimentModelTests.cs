using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Models;
using WeatherFlow.TestSupport;
using WeatherFlow.Tests.Infrastructure;
using WeatherFlow.Training;
using WeatherFlow.Training.Models;

namespace WeatherFlow.Tests.Experiments;

/// <summary>A completed run's model, kept once per config: downloaded, loaded back into TorchSharp, shared with a
/// run the result cache answered, and gone with the config's last run.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentModelTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task A_runs_model_downloads_loads_back_identically_is_kept_once_and_goes_with_the_last_run_of_its_config()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var body = ExperimentRequests.Tiny(seed: 1601);
        var id = await experiments.RunAsync(body, timeout.Token);

        using var download = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"weatherflow-{id:N}.safetensors", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var weights = await download.Content.ReadAsByteArrayAsync(timeout.Token);
        var metadata = (await _api.GetFromJsonAsync<ModelMetadata>($"{ExperimentsClient.Path}/{id}/model/metadata", ExperimentJson.Options, timeout.Token))!;

        Assert.Equal(("safetensors", "grid", 1, weights.LongLength), (metadata.Format, metadata.Architecture, metadata.Epoch, metadata.SizeBytes));
        Assert.Equal(["t@500"], metadata.Channels);
        var configHash = (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("configHash").GetString()!;
        Assert.Equal(configHash, metadata.Config.ComputeHash());
        using (var model = ModelFiles.Load(new TrainedModel(weights, metadata)))
        {
            var reexported = ModelFiles.Export(model, metadata.Config, metadata.Channels, metadata.Grid, metadata.Epoch, scaling: null);
            Assert.Equal(weights, reexported.Weights);
            Assert.Equal(metadata.Parameters, reexported.Metadata.Parameters);
        }

        using var again = await experiments.SubmitAsync(body, respondAsync: true, timeout.Token);
        var cached = ExperimentsClient.IdOf(again.Headers.Location);
        Assert.True((await experiments.GetJobAsync(cached, timeout.Token)).GetProperty("fromCache").GetBoolean());
        Assert.Equal(weights, await _api.GetByteArrayAsync($"{ExperimentsClient.Path}/{cached}/model", timeout.Token));
        Assert.Equal(1, await KeptModelsAsync(configHash));

        (await experiments.DeleteAsync(cached, timeout.Token)).EnsureSuccessStatusCode();
        Assert.Equal(weights, await _api.GetByteArrayAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token));
        (await experiments.DeleteAsync(id, timeout.Token)).EnsureSuccessStatusCode();
        Assert.Equal(0, await KeptModelsAsync(configHash));
        using var gone = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>The README's Python, run as written (but for the run's address and token) in Debian's PyTorch.</summary>
    [Fact]
    public async Task The_readmes_python_loads_a_runs_model_in_pytorch_and_its_step_is_the_runs_first_forecast_step()
    {
        using var timeout = TestTimeout.Runs();
        var (_, token) = await composition.NewAccountAsync("python", timeout.Token);
        using var api = composition.CreateApiClient(token);
        var experiments = new ExperimentsClient(api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1603, trainSamples: 16, epochs: 3, solver: "rk4"), timeout.Token);
        var prediction = (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("result").GetProperty("prediction");
        double[] Field(Func<JsonElement, JsonElement> pick) =>
            [.. prediction.GetProperty("channels").EnumerateArray().SelectMany(channel => pick(channel).EnumerateArray()).SelectMany(row => row.EnumerateArray()).Select(value => value.GetDouble())];
        var initial = Field(channel => channel.GetProperty("initial"));
        var forecast = Field(channel => channel.GetProperty("trajectory")[1].GetProperty("data"));

        var script = ReadmePython()
            .Replace("http://localhost:5080", composition.App.GetEndpoint(CompositionResources.Api).ToString().TrimEnd('/'))
            .Replace("<id>", id.ToString())
            .Replace("token = \"\"", $"token = \"{token}\"");
        var folder = Directory.CreateTempSubdirectory("weatherflow-readme-").FullName;
        var printed = PythonModule.Run(script + "\nprint(json.dumps(x1.flatten().tolist()))\n", folder).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Directory.Delete(folder, recursive: true);

        Assert.Equal("grid ['t@500'] (1, 1, 8, 8)", printed[0]);
        var step = JsonSerializer.Deserialize<double[]>(printed[1])!;
        var moved = initial.Zip(forecast, (a, b) => Math.Abs(a - b)).Max();
        var difference = step.Zip(forecast, (a, b) => Math.Abs(a - b)).Max();
        Assert.Equal(forecast.Length, step.Length);
        Assert.True(moved > 1e-3, $"the trained model should move the state; it moved it by {moved}");
        Assert.True(difference < 1e-4 * moved, $"PyTorch's step is {difference} from the run's forecast, which moved by {moved}");
    }

    private static string ReadmePython()
    {
        var readme = File.ReadAllText(Path.Combine(PythonModule.RepositoryRoot, "README.md"));
        var section = readme.IndexOf("A run's model in PyTorch", StringComparison.Ordinal);
        var start = readme.IndexOf("```python\n", section, StringComparison.Ordinal) + "```python\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Retention_removes_a_model_past_its_age_one_no_run_uses_and_old_predictions()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1901), timeout.Token);
        var configHash = (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("configHash").GetString()!;
        var orphan = $"orphan-{Guid.NewGuid():N}";
        await using var database = NpgsqlDataSource.Create((await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb))!);
        await using (var age = database.CreateCommand("""UPDATE "ExperimentModels" SET "CreatedAt" = '2020-01-01' WHERE "ConfigHash" = $1"""))
        {
            age.Parameters.AddWithValue(configHash);
            await age.ExecuteNonQueryAsync(timeout.Token);
        }
        await using (var unused = database.CreateCommand("""
            INSERT INTO "ExperimentModels" ("ConfigHash", "Weights", "Metadata", "SizeBytes", "Epoch", "CreatedAt")
            VALUES ($1, $2, '{}', 1, 1, now())
            """))
        {
            unused.Parameters.AddWithValue(orphan);
            unused.Parameters.AddWithValue(new byte[] { 0 });
            await unused.ExecuteNonQueryAsync(timeout.Token);
        }

        var oldPrediction = Guid.CreateVersion7();
        await using (var prediction = database.CreateCommand("""
            INSERT INTO "ExperimentPredictions" ("Id", "ExperimentId", "RequestHash", "Request", "Status", "Forecast", "SubmittedAt", "FinishedAt")
            VALUES ($1, $2, 'old-' || $1::text, '{}', 'completed', '{}', '2020-01-01', '2020-01-01')
            """))
        {
            prediction.Parameters.AddWithValue(oldPrediction);
            prediction.Parameters.AddWithValue(id);
            await prediction.ExecuteNonQueryAsync(timeout.Token);
        }

        await Poll.UntilAsync(async ct =>
        {
            using var prediction = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/predictions/{oldPrediction}", ct);
            return await KeptModelsAsync(configHash) + await KeptModelsAsync(orphan) == 0 && prediction.StatusCode == HttpStatusCode.NotFound;
        }, timeout.Token);

        using var gone = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("retention removed it", await gone.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal("completed", (await experiments.GetJobAsync(id, timeout.Token)).GetProperty("status").GetString());
    }

    private async Task<long> KeptModelsAsync(string configHash)
    {
        await using var database = NpgsqlDataSource.Create((await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb))!);
        await using var count = database.CreateCommand("""SELECT count(*) FROM "ExperimentModels" WHERE "ConfigHash" = $1 AND "Weights" IS NOT NULL""");
        count.Parameters.AddWithValue(configHash);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
