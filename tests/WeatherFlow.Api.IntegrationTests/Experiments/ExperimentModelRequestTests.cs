using System.Net;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>The model endpoints of runs that have no model: one not completed, and ids of no run.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExperimentModelRequestTests(ApiFixture api)
{
    private readonly HttpClient _api = api.CreateClient();

    [Fact]
    public async Task A_run_that_has_not_completed_has_no_model_yet_and_an_unknown_one_none_at_all()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.StartAsync(ExperimentRequests.TenSeconds(seed: 1602), timeout.Token);

        using var early = await _api.GetAsync($"{ExperimentsClient.Path}/{id}/model", timeout.Token);
        using var unknown = await _api.GetAsync($"{ExperimentsClient.Path}/{Guid.CreateVersion7()}/model/metadata", timeout.Token);
        using var bad = await _api.GetAsync($"{ExperimentsClient.Path}/not-an-id/model", timeout.Token);
        await experiments.CancelAsync(id, timeout.Token);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("its model is kept once it completes", await early.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }
}
