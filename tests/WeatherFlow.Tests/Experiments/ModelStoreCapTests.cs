using System.Net;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>A model over the store's size cap is not kept; its run completes all the same, and the model endpoints
/// say why it has none.</summary>
public sealed class ModelStoreCapTests(SmallModelStoreFixture composition) : IClassFixture<SmallModelStoreFixture>
{
    [Fact]
    public async Task A_model_over_the_cap_is_not_kept_and_the_run_still_completes_and_says_why()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var api = composition.CreateApiClient();
        var experiments = new ExperimentsClient(api);
        var id = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2001), timeout.Token);

        Assert.Equal("completed", (await experiments.WaitForFinalStateAsync(id, timeout.Token)).Status);
        using var model = await api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        using var metadata = await api.GetAsync($"{ExperimentsClient.Path}/{id}/model/metadata", timeout.Token);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (model.StatusCode, metadata.StatusCode));
        Assert.Equal("application/problem+json", model.Content.Headers.ContentType?.MediaType);
        const string why = @"The model \([\d,]+ bytes\) is larger than the 1,000 bytes a model may take \(ModelStore:MaxModelBytes\), so it was not kept\.";
        Assert.Matches(why, await model.Content.ReadAsStringAsync(timeout.Token));
        Assert.Matches(why, await metadata.Content.ReadAsStringAsync(timeout.Token));
    }
}
