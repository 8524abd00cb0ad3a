using Microsoft.Playwright;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Browser;

/// <summary>
/// The datasets' pages in real Chromium: the list shows the built-in <c>ncar-storm-1996</c>, its page its channels
/// and a map drawn by the web, and the compose form in dataset mode trains a small run on it whose page shows the
/// dataset section with its test scores. Screenshots: <c>bin/…/TestResults/Browser/dataset-*.png</c>.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class DatasetPagesTests(CompositionFixture composition, ITestOutputHelper output)
{
    private const string BuiltIn = "ncar-storm-1996";

    private static readonly float RunTimeoutMs = (float)TimeSpan.FromMinutes(4).TotalMilliseconds;

    private readonly Uri _web = composition.App.GetEndpoint(CompositionResources.Web);

    [Fact]
    public async Task The_datasets_page_lists_the_built_in_dataset_whose_page_shows_its_channels_and_a_map()
    {
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(new Uri(_web, "/datasets").ToString());
        var row = page.Locator($"#datasets tbody tr[data-dataset='{BuiltIn}']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("33 × 36", await row.InnerTextAsync());
        Assert.Contains("64 × 6 h", await row.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("dataset-list.png"), FullPage = true });

        await row.Locator("a").ClickAsync();
        await page.Locator("#dataset-channels").WaitForAsync();
        Assert.Matches("^/datasets/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
        Assert.Equal(["t", "p", "u", "v", "u@500", "v@500"],
            await page.Locator("#dataset-channels tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.channel)"));
        Assert.Contains("224", await page.Locator("#fill-cells").InnerTextAsync());

        var map = page.Locator("#dataset-map-image");
        var source = await map.GetAttributeAsync("src");
        Assert.Contains("step=0", source);
        Assert.Contains("channel=t", source);
        var picture = await page.APIRequest.GetAsync(new Uri(_web, source!).ToString());
        Assert.Equal(200, picture.Status);
        Assert.Equal("image/png", picture.Headers["content-type"]);
        await page.WaitForFunctionAsync("() => document.getElementById('dataset-map-image').complete");
        Assert.Equal(36, await map.EvaluateAsync<int>("image => image.naturalWidth"));
        Assert.Equal(33, await map.EvaluateAsync<int>("image => image.naturalHeight"));
        var ticks = await page.Locator("#dataset-map .map-latitudes span, #dataset-map .map-longitudes span").AllInnerTextsAsync();
        output.WriteLine($"map ticks: {string.Join(", ", ticks)}");
        Assert.Contains("40°N", ticks);
        Assert.Contains(ticks, tick => tick.EndsWith("°W", StringComparison.Ordinal));
        Assert.Contains(" K", await page.Locator("#dataset-map svg.colorbar").TextContentAsync());

        // Another step and channel, chosen in the map's form.
        await page.SelectOptionAsync("#map-step", "5");
        await page.SelectOptionAsync("#map-channel", "u@500");
        await page.ClickAsync("#map-form button[type='submit']");
        await page.WaitForURLAsync(url => url.Contains("step=5", StringComparison.Ordinal));
        var other = Uri.UnescapeDataString((await page.Locator("#dataset-map-image").GetAttributeAsync("src"))!);
        Assert.Contains("step=5", other);
        Assert.Contains("channel=u@500", other);
        Assert.Contains(" m/s", await page.Locator("#dataset-map svg.colorbar").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("dataset-page.png"), FullPage = true });
    }

    [Fact]
    public async Task The_form_in_dataset_mode_trains_on_the_built_in_dataset_and_the_run_page_shows_its_test_scores()
    {
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;
        var pages = new ExperimentPages(page, _web);
        await pages.OpenComposeFormAsync();

        await page.CheckAsync("#source-dataset");
        Assert.True(await page.Locator("#synthetic-column").IsHiddenAsync());
        Assert.True(await page.Locator("#Form_Backbone").IsDisabledAsync());
        Assert.StartsWith(BuiltIn, await page.Locator("#Form_Dataset option:checked").InnerTextAsync());
        var options = page.Locator(".dataset-options:not([disabled])");
        Assert.Equal(1, await options.CountAsync());
        foreach (var box in await options.Locator("input[name='Form.DatasetChannels']").AllAsync())
        {
            Assert.True(await box.IsCheckedAsync(), "every channel is ticked at first");
            await box.SetCheckedAsync(await box.GetAttributeAsync("value") == "t");
        }
        Assert.Equal("12", await options.Locator("select.lead-hours").InputValueAsync());
        Assert.Equal(["6 h", "12 h", "18 h", "24 h", "30 h", "36 h", "42 h", "48 h"], await options.Locator("select.lead-hours option").AllInnerTextsAsync());
        await page.FillAsync("#Form_HiddenDim", "32");
        await page.FillAsync("#Form_Epochs", "1");
        await page.FillAsync("#Form_Seed", "4711");
        await page.FillAsync("#Form_Name", "Dataset pages test");
        await pages.SubmitAsync();

        Assert.Matches("^/experiments/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
        await page.Locator("#progress-panel[data-final='true']").WaitForAsync(new() { Timeout = RunTimeoutMs });
        Assert.Equal("completed", await pages.StatusAsync() + await pages.ErrorAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("dataset-run.png"), FullPage = true });

        Assert.Equal(BuiltIn, await page.Locator("#dataset-source-link").InnerTextAsync());
        Assert.Equal("12 h", await page.Locator("#dataset-lead").InnerTextAsync());
        Assert.Equal(3, await page.Locator("#dataset-blocks tbody tr").CountAsync());
        var score = page.Locator("#dataset-test-scores tbody tr[data-channel='t'] td");
        Assert.Equal(4, await score.CountAsync());
        Assert.Matches(@"^[+-]?\d\.\d{3}$|^–$", await score.Nth(3).InnerTextAsync());
        Assert.Equal(new[] { "t" }, await pages.ChannelNamesAsync());
        Assert.All(await pages.HeatmapWidthsAsync(), width => Assert.Equal(36, width));
        var ticks = await pages.FirstMapTicksAsync();
        output.WriteLine($"run map ticks: {string.Join(", ", ticks)}");
        Assert.Contains("40°N", ticks);
    }

    [Fact]
    public async Task Files_uploaded_from_the_page_become_a_dataset_that_the_page_then_deletes_after_asking()
    {
        var folder = Directory.CreateTempSubdirectory("weatherflow-upload-page-");
        try
        {
            var classic = Path.Combine(folder.FullName, "t-classic.nc");
            var nc4 = Path.Combine(folder.FullName, "q-nc4.nc");
            await File.WriteAllBytesAsync(classic, DatasetUploads.Write("t", "classic"));
            await File.WriteAllBytesAsync(nc4, DatasetUploads.Write("q", "nc4"));
            await using var browser = await BrowserPage.OpenAsync(composition.Admin);
            var page = browser.Page;
            await page.GotoAsync(new Uri(_web, "/datasets").ToString());
            await page.SetInputFilesAsync("#upload-files", [classic, nc4]);
            await page.FillAsync("#upload-name", "uploaded from the page");
            await page.ClickAsync("#upload-submit");
            await page.Locator("#dataset-channels").WaitForAsync();
            Assert.Equal("uploaded from the page", await page.Locator("#dataset-name").InnerTextAsync());
            Assert.Equal(["q", "t"], (await page.Locator("#dataset-channels tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.channel)")).Order());
            var datasetPath = new Uri(page.Url).AbsolutePath;

            await page.ClickAsync("#delete-dataset");
            await page.Locator("#confirm-delete").WaitForAsync();
            await page.ClickAsync("#confirm-delete button[type='submit']");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/datasets");
            Assert.Equal(0, await page.Locator("#datasets tbody tr[data-dataset='uploaded from the page']").CountAsync());
            var gone = await page.APIRequest.GetAsync(new Uri(_web, datasetPath).ToString());
            Assert.Equal(404, gone.Status);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
