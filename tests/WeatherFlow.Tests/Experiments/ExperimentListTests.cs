using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>What the lists say of a run: the grid it really uses, its size and seed, and an id users can tell apart.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentListTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();
    private readonly HttpClient _web = composition.CreateWebClient();

    [Fact]
    public async Task Runs_submitted_together_are_listed_with_their_tiers_grid_and_short_ids_that_differ()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var tiered = await experiments.StartAsync(
            """{"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},"training":{"seed":1301},"simulation":{"resolutionTier":"global-low"}}""",
            timeout.Token);
        var custom = await experiments.StartAsync(
            """{"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},"training":{"seed":1302}}""",
            timeout.Token);
        foreach (var id in (Guid[])[tiered, custom])
        {
            (await experiments.CancelAsync(id, timeout.Token)).Dispose();
        }

        using var list = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}?limit=20", timeout.Token));
        string DescriptionOf(Guid id) => list.RootElement.EnumerateArray()
            .Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("description").GetString()!;
        Assert.Equal("icosahedral · t @ 500 hPa · 32×64 · 8 samples · 2 epochs · seed 1301", DescriptionOf(tiered));
        Assert.Equal("icosahedral · t @ 500 hPa · 16×32 · 8 samples · 2 epochs · seed 1302", DescriptionOf(custom));

        var page = await _web.GetStringAsync("/", timeout.Token);
        var (first, second) = (tiered.ToString()[^8..], custom.ToString()[^8..]);
        Assert.NotEqual(first, second);
        Assert.Contains($">{first}</code>", page);
        Assert.Contains($">{second}</code>", page);
    }
}
