using System.Net;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>A model over the store's size cap is not kept; its run completes all the same, and the model endpoints
/// say why it has none. Past the results' total, the oldest large result loses its forecast fields. An upload past
/// what the account's dataset quota leaves is refused with 413 and stores nothing.</summary>
public sealed class StoreCapTests(SmallStoresFixture composition) : IClassFixture<SmallStoresFixture>
{
    [Fact]
    public async Task A_model_over_the_cap_is_not_kept_and_the_run_still_completes_and_says_why()
    {
        using var timeout = TestTimeout.Runs();
        var api = composition.CreateApiClient();
        var experiments = new ExperimentsClient(api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 2001), timeout.Token);
        using var model = await api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        using var metadata = await api.GetAsync($"{ExperimentsClient.Path}/{id}/model/metadata", timeout.Token);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (model.StatusCode, metadata.StatusCode));
        Assert.Equal("application/problem+json", model.Content.Headers.ContentType?.MediaType);
        const string why = @"The model \([\d,]+ bytes\) is larger than the 1,000 bytes a model may take \(ModelStore:MaxModelBytes\), so it was not kept\.";
        Assert.Matches(why, await model.Content.ReadAsStringAsync(timeout.Token));
        Assert.Matches(why, await metadata.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task Past_the_results_total_the_oldest_large_result_loses_its_forecast_fields()
    {
        using var timeout = TestTimeout.Runs();
        using var api = composition.CreateApiClient();
        var experiments = new ExperimentsClient(api);
        var older = await experiments.RunAsync(ResultRetentionTests.Large(seed: 2201), timeout.Token);
        var newer = await experiments.RunAsync(ResultRetentionTests.Large(seed: 2202), timeout.Token);

        var log = await composition.App.WaitForLogLineAsync(CompositionResources.Api,
            line => line.Contains($"Removed the forecast fields of experiment {older}"), timeout.Token);
        // The newer result must still be whole once the sweep that trimmed the older one is over.
        await RetentionSweeps.WaitForWholeSweepAsync(composition.App, older, timeout.Token);

        Assert.Contains("Retention:ResultsMaxTotalBytes", log);
        var (olderResult, newerResult) = (
            (await experiments.GetJobAsync(older, timeout.Token)).GetProperty("result"),
            (await experiments.GetJobAsync(newer, timeout.Token)).GetProperty("result"));
        Assert.Contains("Retention:ResultsMaxTotalBytes", olderResult.GetProperty("retention").GetProperty("reason").GetString());
        Assert.Equal(0, olderResult.GetProperty("prediction").GetProperty("channels")[0].GetProperty("trajectory").GetArrayLength());
        Assert.False(newerResult.TryGetProperty("retention", out _));
        Assert.True(newerResult.GetProperty("prediction").GetProperty("channels")[0].GetProperty("trajectory").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_upload_past_the_accounts_dataset_quota_is_refused_with_413_and_stores_nothing()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        using var api = await composition.NewAccountClientAsync("quota-dana", ct);
        var small = DatasetUploads.Write("t", "classic");
        using (var fits = await DatasetUploads.UploadAsync(api, "fits", [("small.nc", small)], ct))
        {
            Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        }
        var before = await DatasetUploads.ListedIdsAsync(api, ct);
        var large = new byte[SmallStoresFixture.DatasetQuotaBytes];
        using var refused = await DatasetUploads.UploadAsync(api, "too large", [("large.nc", large)], ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("quota", await refused.Content.ReadAsStringAsync(ct));
        Assert.Equal(before, await DatasetUploads.ListedIdsAsync(api, ct));
    }
}
