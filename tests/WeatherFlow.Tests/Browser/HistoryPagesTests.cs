using System.Net;
using Microsoft.Playwright;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Browser;

/// <summary>
/// The history pages in real Chromium, on a study of three runs among every other test's: search and filters find
/// them, keyset pages walk them, three are compared, a metric is charted against hidden size, a run is renamed and
/// deleted only after the page asked. Screenshots are left in <c>bin/…/TestResults/Browser/history-*.png</c>.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class HistoryPagesTests(CompositionFixture composition, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim StudyLock = new(1, 1);
    private static ScalingStudy? _study;

    private readonly Uri _web = composition.App.GetEndpoint(CompositionResources.Web);
    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task Search_and_filters_find_the_named_tagged_runs_among_many_and_pages_walk_them()
    {
        var study = await StudyAsync();
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(Url("/"));
        await page.FillAsync("#q", study.Tag);
        await FindAsync(page);
        Assert.Equal(["web h64", "web h48", "web h32"], await NamesAsync(page));

        await page.FillAsync("#tag", "h48");
        await page.SelectOptionAsync("#status", "completed");
        await FindAsync(page);
        Assert.Equal(["web h48"], await NamesAsync(page));
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("history-search.png"), FullPage = true });

        await page.SelectOptionAsync("#backbone", "icosahedral");
        await FindAsync(page);
        Assert.Empty(await NamesAsync(page));
        Assert.Contains("No experiment matches", await page.Locator("[data-testid='no-experiments']").InnerTextAsync());

        var walked = new List<string>();
        await page.GotoAsync(Url($"/?tag={study.Tag}&sort=validationLoss&limit=1"));
        while (true)
        {
            walked.AddRange(await NamesAsync(page));
            if (await page.Locator("#next-page").CountAsync() == 0)
            {
                break;
            }
            await page.ClickAsync("#next-page");
            Assert.True(walked.Count <= 3, "the pages ran past the study");
        }
        Assert.Equal(["web h32", "web h48", "web h64"], walked.Order());
        Assert.Equal("validationLoss", await page.InputValueAsync("#sort"));
    }

    [Fact]
    public async Task A_bad_filter_is_shown_next_to_its_field()
    {
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        var response = await page.GotoAsync(Url("/?from=yesterday&status=done"));

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Contains("yesterday", await page.Locator("#from ~ .invalid-feedback").InnerTextAsync());
        Assert.Contains("'done'", await page.Locator("#status ~ .invalid-feedback").InnerTextAsync());
        Assert.Equal(2, await page.Locator("#history-filter .is-invalid").CountAsync());
    }

    [Fact]
    public async Task Three_runs_compared_show_overlaid_curves_config_differences_scores_and_forecasts()
    {
        var study = await StudyAsync();
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(Url($"/?tag={study.Tag}"));
        foreach (var box in await page.Locator("input[form='compare-form']").AllAsync())
        {
            await box.CheckAsync();
        }
        await page.ClickAsync("#compare-form button[type='submit']");
        await page.Locator("#compared-runs").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("history-compare.png"), FullPage = true });

        Assert.Equal(["web h64", "web h48", "web h32"], await page.Locator("#compared-runs thead th a").AllInnerTextsAsync());
        Assert.Equal(6, await page.Locator("#compare-curves svg polyline.series").CountAsync());
        var hidden = page.Locator("#config-differences tr[data-path='model.hiddenDim'] td");
        Assert.Equal(["64", "48", "32"], await hidden.AllInnerTextsAsync());
        Assert.Equal(2, await hidden.Locator("xpath=self::*[contains(@class, 'differs')]").CountAsync());
        Assert.Equal(1, await page.Locator("#config-differences tr[data-path='training.seed']").CountAsync());
        Assert.Equal(3, await page.Locator("#compare-channels tr[data-channel='t@500'] td").CountAsync());
        Assert.Equal(new[] { 8, 8, 8 }, await page.Locator("#compare-predictions img.heatmap").EvaluateAllAsync<int[]>("images => images.map(image => image.naturalWidth)"));

        await page.GotoAsync(Url($"/experiments/compare?id={study.Ids[0]}"));
        Assert.Contains("2 to 6", await page.Locator("[data-testid='compare-error']").InnerTextAsync());
    }

    [Fact]
    public async Task A_metric_is_charted_against_hidden_size_across_the_study()
    {
        var study = await StudyAsync();
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(Url($"/experiments/aggregates?tag={study.Tag}"));
        await page.SelectOptionAsync("#by", "hiddenDim");
        await page.SelectOptionAsync("#metric", "meanSkill");
        await page.ClickAsync("#aggregate-form button[type='submit']");
        await page.Locator("#aggregate-chart").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("history-aggregates.png"), FullPage = true });

        Assert.Equal(["32", "48", "64"], await page.Locator("#aggregate-groups tbody th").AllInnerTextsAsync());
        Assert.All(await page.Locator("#aggregate-groups tbody tr td:nth-of-type(1)").AllInnerTextsAsync(), count => Assert.Equal("1", count));
        Assert.Equal(3, await page.Locator("#aggregate-chart svg circle.group").CountAsync());
        Assert.Contains("mean skill by hidden size", await page.Locator("#aggregate-chart .card-header").InnerTextAsync());
    }

    [Fact]
    public async Task A_run_is_renamed_on_its_page_and_deleted_only_after_the_page_asked()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 1504), timeout.Token);
        await experiments.WaitForFinalStateAsync(id, timeout.Token);
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;
        var name = $"renamed {Guid.NewGuid():N}"[..16];

        await page.GotoAsync(Url($"/experiments/{id}"));
        Assert.Matches(@"^grid · t @ 500 hPa · 8×8 · 8 samples · 1 epoch · seed 1504$", await page.Locator("#experiment-description").InnerTextAsync());
        await page.ClickAsync("#edit-labels summary");
        await page.FillAsync("#Labels_Tags", "has space");
        await page.ClickAsync("#edit-labels button[type='submit']");
        Assert.Contains("has space", await page.Locator("#Labels_Tags ~ .text-danger").InnerTextAsync());
        Assert.True(await page.Locator("#edit-labels").GetAttributeAsync("open") is not null, "the form stays open to show the refusal");

        await page.FillAsync("#Labels_Name", name);
        await page.FillAsync("#Labels_Tags", "Web, keep");
        await page.FillAsync("#Labels_Note", "first line\nsecond line");
        await page.ClickAsync("#edit-labels button[type='submit']");
        Assert.Equal(name, await page.Locator("#experiment-name").InnerTextAsync());
        Assert.Equal(["web", "keep"], await page.Locator(".tag").AllInnerTextsAsync());
        Assert.Equal("first line\nsecond line", await page.Locator("#experiment-note").InnerTextAsync());

        await page.ClickAsync("#delete-run");
        await page.Locator("#confirm-delete").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("history-delete.png"), FullPage = true });
        Assert.Contains($"Delete “{name}”?", await page.Locator("#confirm-delete h1").InnerTextAsync());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"{ExperimentsClient.Path}/{id}")).StatusCode);

        await page.ClickAsync("#confirm-delete button[type='submit']");
        Assert.Equal(Url("/"), page.Url);
        Assert.Contains(name, await page.Locator("[data-testid='deleted']").InnerTextAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"{ExperimentsClient.Path}/{id}")).StatusCode);

        var gone = await page.GotoAsync(Url($"/experiments/{id}"));
        Assert.Equal((int)HttpStatusCode.NotFound, gone!.Status);
        Assert.Equal("Not found", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("main a[href='/']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("history-unknown-run.png"), FullPage = true });
        output.WriteLine($"screenshots in {Path.GetDirectoryName(Screenshots.PathOf("x"))}");
    }

    private string Url(string path) => new Uri(_web, path).ToString();

    private static async Task FindAsync(IPage page)
    {
        await page.ClickAsync("#history-filter button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(IPage page) =>
        await page.Locator("#experiments tbody .experiment-name").AllInnerTextsAsync();

    private async Task<ScalingStudy> StudyAsync()
    {
        await StudyLock.WaitAsync();
        try
        {
            return _study ??= await ScalingStudy.TrainAsync(_api, "web", firstSeed: 1501);
        }
        finally
        {
            StudyLock.Release();
        }
    }
}
