using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Browser;

/// <summary>
/// A user in real Chromium composes an experiment on the web, which reaches the api only by service discovery, and
/// follows it live to its loss chart and prediction pictures. The screenshot is left in
/// <c>bin/…/TestResults/Browser/experiment.png</c>.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentPageTests(CompositionFixture composition, ITestOutputHelper output)
{
    /// <summary>About ten seconds of training on two cores: long enough for the progress bar to be seen moving.
    /// The seed is used by no other test, so the result cache cannot answer it at once.</summary>
    private static readonly SmallExperiment Experiment = new(
        Variables: ["t"], PressureLevels: ["500"], GridSize: "16x32", TrainSamples: 16, ValSamples: 4,
        Backbone: "grid", SolverMethod: "rk4", HiddenDim: 32, Epochs: 3, BatchSize: 2, Seed: 2718);

    [Fact]
    public async Task Submitted_experiment_shows_live_progress_then_loss_chart_and_prediction_pictures()
    {
        var web = composition.App.GetEndpoint(CompositionResources.Web);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var driver = playwright;
        await using var chromium = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, StorageState = composition.Admin.BrowserStorageState() });
        var pages = new ExperimentPages(page, web);
        await pages.RecordProgressAsync();

        // The browser refuses more epochs than /api/options advertises, next to the field, in the api's words.
        await pages.OpenComposeFormAsync();
        await pages.FillAsync(Experiment with { Epochs = 50 });
        await pages.SubmitAsync();
        Assert.Equal("Input should be less than or equal to 6", await pages.FieldErrorAsync("Epochs"));

        await pages.FillAsync(Experiment);
        await pages.SubmitAsync();
        var experimentPath = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/experiments/[0-9a-f-]{36}$", experimentPath);
        await pages.WaitForFinalStateAsync();
        var screenshot = Screenshots.PathOf("experiment.png");
        await pages.ScreenshotAsync(screenshot);
        output.WriteLine($"screenshot: {screenshot}");
        var progress = pages.ProgressSeen.ToArray();
        output.WriteLine($"progress bar values seen: {string.Join(", ", progress)}");
        var lossPoints = pages.LiveLossPointsSeen.ToArray();
        output.WriteLine($"live loss chart, training points after each redraw: {string.Join(", ", lossPoints)}");

        Assert.Equal("completed", await pages.StatusAsync() + await pages.ErrorAsync());
        Assert.Contains(progress, value => value is > 0 and < 100);
        Assert.Equal(100, progress[^1]);
        Assert.True(lossPoints.Length >= 3 && lossPoints.Max() >= 3, "the live loss chart gained points while the run trained");
        Assert.Equal(lossPoints.Order(), lossPoints);
        Assert.Equal(4, await pages.LossLinesAsync());
        Assert.Equal(new[] { "t@500" }, await pages.ChannelNamesAsync());
        Assert.Equal(new[] { 32, 32, 32, 32, 32 }, await pages.HeatmapWidthsAsync());
        Assert.Equal(["60°N", "30°N", "0°", "30°S", "60°S", "0°", "90°E", "180°", "90°W"], await pages.FirstMapTicksAsync());
        Assert.Matches(@"^The model (beats persistence on every channel|is worse than persistence on \d+ of \d+ channels) \(mean skill [+-]\d\.\d\d\)", await pages.PersistenceVerdictAsync());
        Assert.Equal("completed", await pages.ListedStatusAsync(experimentPath));
    }
}
