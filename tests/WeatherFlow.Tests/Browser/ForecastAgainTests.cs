using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Browser;

/// <summary>"Forecast again" on an experiment's page asks the trainers for the run's model's forecast from a new
/// seed and shows it beside the run's own (screenshot <c>forecast-again.png</c>).</summary>
[Collection(CompositionCollection.Name)]
public sealed class ForecastAgainTests(CompositionFixture composition)
{
    [Fact]
    public async Task Forecast_again_with_a_new_seed_shows_the_new_forecast_beside_the_runs_own()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(composition.CreateApiClient());
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1801), timeout.Token);
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(new Uri(composition.App.GetEndpoint(CompositionResources.Web), $"/experiments/{id}").ToString());
        await page.FillAsync("#ForecastSeed", "9");
        await page.ClickAsync("#forecast-again button[type='submit']");
        await page.Locator("#forecast-status[data-status='completed']").WaitForAsync(new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("forecast-again.png"), FullPage = true });

        Assert.Contains("forecast=", page.Url);
        Assert.Equal(["Run's forecast", "Run's target", "Seed 9: start", "Seed 9: forecast", "Seed 9: target"],
            await page.Locator("#forecast-again .forecast-channel[data-channel='t@500'] figcaption").AllInnerTextsAsync());
        Assert.Equal(new[] { 8, 8, 8, 8, 8 }, await page.Locator("#forecast-again img.heatmap").EvaluateAllAsync<int[]>("images => images.map(image => image.naturalWidth)"));
        Assert.Matches(@"^seed 9: skill [+-]\d\.\d{3} \(RMSE ", await page.Locator("[data-testid='forecast-skill']").InnerTextAsync());
    }
}
