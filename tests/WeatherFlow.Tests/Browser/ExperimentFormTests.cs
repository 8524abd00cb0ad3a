using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Browser;

/// <summary>
/// The compose form in real Chromium: the browser judges every field at once against the api's bounds and sends
/// nothing while one is wrong, the api's verdict on what only it can judge lands next to its field, the run's labels
/// reach the api, and the pages fit a phone. Screenshots are left in <c>bin/…/TestResults/Browser/form-*.png</c>.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentFormTests(CompositionFixture composition, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Trains in about a second; its seed is used by no other test class.</summary>
    private static readonly SmallExperiment Tiny = new(
        Variables: ["t"], PressureLevels: ["500"], GridSize: "16x32", TrainSamples: 4, ValSamples: 4,
        Backbone: "icosahedral", SolverMethod: "rk4", HiddenDim: 32, Epochs: 1, BatchSize: 2, Seed: 3301);

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>An iPhone SE/mini-class width, the narrowest phones in common use.</summary>
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private readonly Uri _web = composition.App.GetEndpoint(CompositionResources.Web);
    private readonly HttpClient _api = composition.CreateApiClient();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Out_of_range_fields_all_show_their_message_at_once_and_nothing_is_sent()
    {
        var pages = await OpenFormAsync(Desktop);
        var posts = new List<string>();
        pages.Page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.Url);
            }
        };
        var newestBefore = await NewestExperimentAsync();

        foreach (var box in await pages.Page.Locator("input[name='Form.Variables']").AllAsync())
        {
            await box.UncheckAsync();
        }
        await pages.Page.FillAsync("#Form_TrainSamples", "2");
        await pages.Page.FillAsync("#Form_HiddenDim", "1024");
        await pages.Page.FillAsync("#Form_Epochs", "50");
        await pages.Page.FillAsync("#Form_LearningRate", "0");
        await pages.Page.FillAsync("#Form_Seed", "1.5");
        await pages.Page.FillAsync("#Form_Tags", string.Join(", ", Enumerable.Range(1, 11).Select(i => $"tag{i}")));
        await pages.Page.ClickAsync("#submit-experiment");

        var shown = await pages.FieldMessagesAsync();
        await pages.ScreenshotAsync(Screenshots.PathOf("form-invalid.png"));
        output.WriteLine(string.Join(Environment.NewLine, shown));
        Assert.Equal(
        [
            "Form.Epochs: Input should be less than or equal to 6",
            "Form.HiddenDim: Input should be less than or equal to 512",
            "Form.LearningRate: Input should be greater than 0",
            "Form.Seed: Input should be a valid integer",
            "Form.Tags: At most 10 tags are allowed (11 given)",
            "Form.TrainSamples: Input should be greater than or equal to 4",
            "Form.Variables: Select at least one variable",
        ], shown);
        Assert.Equal(7, await pages.Page.Locator("#experiment-form [data-field]:has(.is-invalid)").CountAsync());
        Assert.Empty(posts);
        Assert.Equal("/experiments/new", new Uri(pages.Page.Url).AbsolutePath);
        Assert.Equal(newestBefore, await NewestExperimentAsync());

        // A mended field loses its message as it is typed; the others keep theirs.
        await pages.Page.FillAsync("#Form_Epochs", "2");
        Assert.DoesNotContain(await pages.FieldMessagesAsync(), message => message.StartsWith("Form.Epochs:", StringComparison.Ordinal));
        Assert.Equal(6, (await pages.FieldMessagesAsync()).Length);
    }

    [Fact]
    public async Task Name_tags_and_note_typed_in_the_form_are_the_runs_and_a_rerun_keeps_its_tags_and_note()
    {
        var pages = await OpenFormAsync(Desktop);
        await pages.FillAsync(Tiny);
        await pages.Page.FillAsync("#Form_Name", "Form test baseline");
        await pages.Page.FillAsync("#Form_Tags", "Form-Test, baseline ,, phone");
        await pages.Page.FillAsync("#Form_Note", "Typed in the web form,\non two lines.");
        await pages.SubmitAsync();

        var id = ExperimentIdOf(pages.Page);
        var job = await new ExperimentsClient(_api).GetJobAsync(id, CancellationToken.None);
        Assert.Equal("Form test baseline", job.GetProperty("name").GetString());
        Assert.Equal(["form-test", "baseline", "phone"], job.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("Typed in the web form,\non two lines.", job.GetProperty("note").GetString());

        // The re-run's name is left to the api's default, which describes the config as it will be changed.
        await pages.Page.GotoAsync(new Uri(_web, $"/experiments/new?from={id}").ToString());
        Assert.Equal("", await pages.Page.InputValueAsync("#Form_Name"));
        Assert.Equal("form-test, baseline, phone", await pages.Page.InputValueAsync("#Form_Tags"));
        Assert.Equal("Typed in the web form,\non two lines.", await pages.Page.InputValueAsync("#Form_Note"));
        await pages.ScreenshotAsync(Screenshots.PathOf("form-rerun.png"));
    }

    [Fact]
    public async Task What_only_the_api_can_judge_comes_back_next_to_its_field()
    {
        var pages = await OpenFormAsync(Desktop);
        await pages.FillAsync(Tiny);
        // Within the hidden size's bounds, but the 8 attention heads cannot split it: a rule only the api applies,
        // as it is the only judge of which characters a tag may hold.
        await pages.Page.FillAsync("#Form_HiddenDim", "36");
        await pages.Page.FillAsync("#Form_Tags", "ok, bad!tag");
        // The browser stops overlong labels before they are sent; without that stop, the api says the same.
        await pages.Page.EvalOnSelectorAllAsync("#Form_Name, #Form_Note", "fields => fields.forEach(field => field.removeAttribute('maxlength'))");
        await pages.Page.FillAsync("#Form_Name", new string('n', 101));
        await pages.Page.FillAsync("#Form_Note", new string('x', 2001));
        await pages.SubmitAsync();

        var shown = await pages.FieldMessagesAsync();
        await pages.ScreenshotAsync(Screenshots.PathOf("form-server-errors.png"));
        output.WriteLine(string.Join(Environment.NewLine, shown));
        Assert.Equal(
        [
            "Form.HiddenDim: hiddenDim must be divisible by 8 (the attention heads) when useAttention is true",
            "Form.Name: name must be at most 100 characters",
            "Form.Note: note must be at most 2000 characters",
            "Form.Tags: tag 'bad!tag' must be 1 to 32 letters, digits or . _ : / + - and start with a letter or digit",
        ], shown);
        Assert.Equal("/experiments/new", new Uri(pages.Page.Url).AbsolutePath);
        Assert.Equal(0, await pages.Page.Locator("#experiment-form .validation-summary-errors").CountAsync());
    }

    [Fact]
    public async Task At_phone_width_the_form_an_experiment_the_list_and_a_status_page_need_no_sideways_scrolling()
    {
        var pages = await OpenFormAsync(Phone);
        var overflow = new Dictionary<string, int> { ["form"] = await pages.HorizontalOverflowAsync() };
        await pages.ScreenshotAsync(Screenshots.PathOf("form-phone.png"));

        await pages.FillAsync(Tiny);
        await pages.SubmitAsync();
        await pages.WaitForFinalStateAsync();
        Assert.Equal("completed", await pages.StatusAsync() + await pages.ErrorAsync());
        overflow["experiment"] = await pages.HorizontalOverflowAsync();
        await pages.ScreenshotAsync(Screenshots.PathOf("form-experiment-phone.png"));

        await pages.Page.GotoAsync(_web.ToString());
        overflow["list"] = await pages.HorizontalOverflowAsync();
        await pages.Page.GotoAsync(new Uri(_web, "/nonexistent").ToString());
        overflow["status"] = await pages.HorizontalOverflowAsync();

        output.WriteLine(string.Join(", ", overflow.Select(page => $"{page.Key} {page.Value} px")));
        Assert.All(overflow, page => Assert.Equal(0, page.Value));
    }

    private async Task<ExperimentPages> OpenFormAsync(ViewportSize viewport)
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = viewport, StorageState = composition.Admin.BrowserStorageState() });
        var pages = new ExperimentPages(page, _web);
        await pages.OpenComposeFormAsync();
        return pages;
    }

    private static Guid ExperimentIdOf(IPage page)
    {
        var path = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/experiments/[0-9a-f-]{36}$", path);
        return Guid.Parse(path["/experiments/".Length..]);
    }

    /// <summary>The id of the newest run in the history, or null when there is none.</summary>
    private async Task<string?> NewestExperimentAsync()
    {
        var newest = await _api.GetFromJsonAsync<JsonElement[]>($"{ExperimentsClient.Path}?limit=1");
        return newest is [var run] ? run.GetProperty("id").GetString() : null;
    }
}
