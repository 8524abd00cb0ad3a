using System.Net;
using Npgsql;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Retention takes the forecast fields out of old large results, and only those; the runs keep their scores.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ResultRetentionTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();

    /// <summary>Runs far larger than <see cref="CompositionFixture.LargeResultBytes"/> when stored.</summary>
    public static string Large(int seed) => $$$"""
        {"dataset":{"variables":["u","v","t"],"pressureLevels":[500],"gridSize":{"lat":32,"lon":64},"trainSamples":8,"valSamples":4},
         "model":{"backbone":"grid","hiddenDim":32,"nLayers":1},
         "training":{"epochs":1,"batchSize":4,"seed":{{{seed}}}}}
        """;

    [Fact]
    public async Task An_old_large_result_loses_its_forecast_fields_and_keeps_its_scores_while_a_small_or_recent_one_stays()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var (large, small, recent) = (
            await experiments.StartAsync(Large(seed: 2101), timeout.Token),
            await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2102), timeout.Token),
            await experiments.StartAsync(Large(seed: 2103), timeout.Token));
        foreach (var id in (Guid[])[large, small, recent])
        {
            await experiments.WaitForCompletionAsync(id, timeout.Token);
        }
        var before = (await experiments.GetJobAsync(large, timeout.Token)).GetProperty("result");
        await using var database = NpgsqlDataSource.Create((await composition.App.GetConnectionStringAsync(CompositionResources.WeatherDb))!);
        Assert.True(await StoredBytesAsync(database, large) > CompositionFixture.LargeResultBytes);
        Assert.True(await StoredBytesAsync(database, small) < CompositionFixture.LargeResultBytes);
        await using (var age = database.CreateCommand("""UPDATE "Experiments" SET "FinishedAt" = '2020-01-01' WHERE "Id" = ANY($1)"""))
        {
            age.Parameters.AddWithValue(new[] { large, small });
            await age.ExecuteNonQueryAsync(timeout.Token);
        }

        var log = await composition.App.WaitForLogLineAsync(CompositionResources.Api,
            line => line.Contains($"Removed the forecast fields of experiment {large}"), timeout.Token);
        var after = (await experiments.GetJobAsync(large, timeout.Token)).GetProperty("result");

        Assert.Contains("Retention:ResultMaxAge", log);
        Assert.Contains("Retention:ResultMaxAge", after.GetProperty("retention").GetProperty("reason").GetString());
        var channels = after.GetProperty("prediction").GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(3, channels.Count);
        Assert.All(channels, channel => Assert.Equal((0, 0, 0),
            (channel.GetProperty("initial").GetArrayLength(), channel.GetProperty("target").GetArrayLength(), channel.GetProperty("trajectory").GetArrayLength())));
        Assert.Equal(0, after.GetProperty("lodPreview").GetProperty("tiles").GetArrayLength());
        foreach (var kept in (string[])["metrics", "validation", "config", "datasetSummary"])
        {
            Assert.Equal(before.GetProperty(kept).GetRawText(), after.GetProperty(kept).GetRawText());
        }
        Assert.Equal(
            before.GetProperty("prediction").GetProperty("channels").EnumerateArray().Select(c => (c.GetProperty("rmse").GetDouble(), c.GetProperty("baselineRmse").GetDouble())),
            channels.Select(c => (c.GetProperty("rmse").GetDouble(), c.GetProperty("baselineRmse").GetDouble())));
        Assert.True(await StoredBytesAsync(database, large) < CompositionFixture.LargeResultBytes / 4);

        // A whole sweep later: the small old one and the large recent one are as they were.
        await RetentionSweeps.WaitForWholeSweepAsync(composition.App, small, timeout.Token);
        foreach (var untouched in (Guid[])[small, recent])
        {
            var result = (await experiments.GetJobAsync(untouched, timeout.Token)).GetProperty("result");
            Assert.False(result.TryGetProperty("retention", out _));
            Assert.True(result.GetProperty("prediction").GetProperty("channels")[0].GetProperty("initial").GetArrayLength() > 0);
        }

        using var web = composition.CreateWebClient();
        using var page = await web.GetAsync($"/experiments/{large}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(timeout.Token);
        Assert.Contains("forecast maps were removed by retention", html);
        Assert.DoesNotContain("channel-prediction", html);
        using var compare = await web.GetAsync($"/experiments/compare?id={large}&id={recent}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("maps removed by retention", await compare.Content.ReadAsStringAsync(timeout.Token));
    }

    private static async Task<long> StoredBytesAsync(NpgsqlDataSource database, Guid id)
    {
        await using var size = database.CreateCommand("""SELECT pg_column_size("Result") FROM "Experiments" WHERE "Id" = $1""");
        size.Parameters.AddWithValue(id);
        return Convert.ToInt64(await size.ExecuteScalarAsync());
    }
}
