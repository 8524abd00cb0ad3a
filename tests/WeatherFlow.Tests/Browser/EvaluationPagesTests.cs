using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlow.Tests.Browser;

/// <summary>
/// A run's evaluation and the compare page's scorecard in real Chromium, on three small two-channel runs scored at
/// 6 and 12 h, checked against what the api says of the same runs. Screenshots are left in
/// <c>bin/…/TestResults/Browser/evaluation-*.png</c>.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class EvaluationPagesTests(CompositionFixture composition, ITestOutputHelper output)
{
    private static readonly int[] HiddenSizes = [32, 48, 64];
    private static readonly SemaphoreSlim RunsLock = new(1, 1);
    private static IReadOnlyList<Guid>? _runs;

    private readonly Uri _web = composition.App.GetEndpoint(CompositionResources.Web);
    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task A_run_page_draws_scores_against_lead_time_and_a_scorecard_whose_verdict_counts_its_wins()
    {
        var id = (await RunsAsync())[0];
        var evaluation = await _api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/{id}/scores");
        var result = (await new ExperimentsClient(_api).GetJobAsync(id, CancellationToken.None)).GetProperty("result");
        var scores = evaluation.GetProperty("scores").EnumerateArray().ToList();
        var channels = scores.Select(score => score.GetProperty("channel").GetString()!).Distinct().ToList();
        var leads = evaluation.GetProperty("leadTimes").GetArrayLength();
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(Url($"/experiments/{id}"));
        await page.Locator("#evaluation").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("evaluation-run.png"), FullPage = true });

        Assert.Equal(["t@500", "u@500"], channels);
        Assert.Equal(2, leads);
        Assert.Equal(evaluation.GetProperty("testSet").GetString(), await page.Locator("#evaluation-test-set").InnerTextAsync());
        var names = result.GetProperty("channelNames").EnumerateArray().Select(name => name.GetString()).ToList();
        var units = result.GetProperty("simulationSummary").GetProperty("units").EnumerateArray().Select(unit => unit.GetString()).ToList();
        foreach (var channel in channels)
        {
            var curves = page.Locator($"#evaluation-curves .evaluation-channel[data-channel='{channel}']");
            var rmse = curves.Locator("svg.lead-chart.rmse");
            Assert.Equal(["model", "persistence", "climatology"], await rmse.Locator("polyline.series").EvaluateAllAsync<string[]>("lines => lines.map(line => line.dataset.series)"));
            Assert.All(await rmse.Locator("polyline.series").EvaluateAllAsync<int[]>("lines => lines.map(line => line.getAttribute('points').trim().split(/\\s+/).length)"),
                points => Assert.Equal(leads, points));
            Assert.Equal($"RMSE ({units[names.IndexOf(channel)]}) against lead time", await rmse.GetAttributeAsync("aria-label"));
            Assert.Equal(["model", "persistence"], await curves.Locator("svg.lead-chart.acc polyline.series").EvaluateAllAsync<string[]>("lines => lines.map(line => line.dataset.series)"));
            Assert.Equal(leads, await page.Locator($"#evaluation-scorecard tr[data-channel='{channel}'] td.scorecard-cell").CountAsync());
        }
        Assert.Equal(scores.Count, await page.Locator("#evaluation-scorecard td.scorecard-cell").CountAsync());
        var cases = scores[0].GetProperty("cases").GetInt32();
        Assert.EndsWith($"over {cases} cases", await page.Locator("#evaluation-scorecard td.scorecard-cell").First.GetAttributeAsync("title"));

        var persistenceSkills = scores.Select(score => SkillOf(score, "skillVsPersistence")).ToList();
        Assert.Equal(persistenceSkills.Count(skill => skill > 0), await page.Locator("#evaluation-scorecard td.scorecard-cell.better").CountAsync());
        await AssertVerdictAsync(page, "persistence", persistenceSkills);
        await AssertVerdictAsync(page, "climatology", scores.Select(score => SkillOf(score, "skillVsClimatology")).ToList());

        var csv = await page.APIRequest.GetAsync(Url(await page.Locator("#scores-csv").GetAttributeAsync("href") ?? ""));
        Assert.Equal(200, csv.Status);
        var rows = (await csv.TextAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("channel,lead_hours,", rows[0]);
        Assert.Equal(scores.Count, rows.Length - 1);
    }

    [Fact]
    public async Task The_compare_page_scores_the_runs_against_a_reference_chosen_on_it()
    {
        var runs = await RunsAsync();
        var ids = string.Join('&', runs.Select(id => $"id={id}"));
        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var page = browser.Page;

        await page.GotoAsync(Url($"/experiments/compare?{ids}"));
        await page.Locator("#scorecard").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("evaluation-compare.png"), FullPage = true });
        await AssertScorecardAsync(page, ids, reference: runs[0], others: [runs[1], runs[2]]);
        Assert.Equal(3, await page.Locator("#compared-runs thead th a").CountAsync());

        await page.SelectOptionAsync("#reference", runs[1].ToString());
        await page.ClickAsync("#scorecard-reference button[type='submit']");
        await page.WaitForURLAsync(url => url.Contains($"reference={runs[1]}", StringComparison.Ordinal));
        await page.Locator("#scorecard").WaitForAsync();
        await AssertScorecardAsync(page, ids, reference: runs[1], others: [runs[0], runs[2]]);
        Assert.Equal(runs[1].ToString(), await page.InputValueAsync("#reference"));
        output.WriteLine($"screenshots in {Path.GetDirectoryName(Screenshots.PathOf("x"))}");
    }

    /// <summary>The page's columns are the runs other than the reference, each better on as many targets as the api counts.</summary>
    private async Task AssertScorecardAsync(IPage page, string ids, Guid reference, Guid[] others)
    {
        var scorecard = (await _api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/compare?{ids}&reference={reference}")).GetProperty("scorecard");
        Assert.Equal(reference, scorecard.GetProperty("referenceId").GetGuid());
        var scored = scorecard.GetProperty("runs").EnumerateArray().Where(run => run.GetProperty("id").GetGuid() != reference).ToList();
        var targets = scored[0].GetProperty("targets").GetInt32();

        var columns = await page.Locator("#scorecard thead th[data-run]").EvaluateAllAsync<string[]>("cells => cells.map(cell => cell.dataset.run)");
        Assert.Equal(others.Select(id => id.ToString()), columns);
        var betterOn = await page.Locator("#scorecard thead .better-on").AllInnerTextsAsync();
        Assert.Equal(scored.Select(run => $"better on {run.GetProperty("betterOn").GetInt32()} of {run.GetProperty("targets").GetInt32()}"), betterOn);
        Assert.Equal(4, targets);
        Assert.Equal(targets, await page.Locator("#scorecard tbody tr").CountAsync());
        Assert.Equal(targets * others.Length, await page.Locator("#scorecard tbody td.scorecard-cell").CountAsync());
        // A cell is marked better exactly where its run beats the reference, so they add up to the api's counts.
        Assert.Equal(scored.Sum(run => run.GetProperty("betterOn").GetInt32()), await page.Locator("#scorecard tbody td.scorecard-cell.better").CountAsync());
    }

    private static async Task AssertVerdictAsync(IPage page, string baseline, IReadOnlyList<double?> skills)
    {
        var scored = skills.OfType<double>().ToList();
        var wins = scored.Count(skill => skill > 0);
        var verdict = await page.Locator($"#verdict-{baseline}").InnerTextAsync();
        Assert.StartsWith($"Beats {baseline} on {wins} of {scored.Count} targets", verdict);
        Assert.Equal(scored.Any(skill => skill < 0), verdict.Contains("; loses at ", StringComparison.Ordinal));
    }

    private static double? SkillOf(JsonElement score, string name) =>
        score.GetProperty(name) is { ValueKind: JsonValueKind.Number } skill ? skill.GetDouble() : null;

    private string Url(string path) => new Uri(_web, path).ToString();

    /// <summary>Three runs that differ in hidden size and seed, so that their scores differ, trained once for both tests.</summary>
    private async Task<IReadOnlyList<Guid>> RunsAsync()
    {
        await RunsLock.WaitAsync();
        try
        {
            if (_runs is null)
            {
                using var timeout = TestTimeout.LongRuns();
                var experiments = new ExperimentsClient(_api);
                var runs = new List<Guid>();
                foreach (var (hidden, seed) in HiddenSizes.Select((hidden, index) => (hidden, 3501 + index)))
                {
                    runs.Add(await experiments.StartAsync($$$"""
                        {"name":"scored h{{{hidden}}}",
                         "dataset":{"variables":["t","u"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":8},"trainSamples":8,"valSamples":4},
                         "model":{"backbone":"grid","hiddenDim":{{{hidden}}},"nLayers":1},"training":{"epochs":1,"batchSize":4,"seed":{{{seed}}}},
                         "evaluation":{"leadTimes":[6,12]}}
                        """, timeout.Token));
                }
                foreach (var id in runs)
                {
                    var final = await experiments.WaitForFinalStateAsync(id, timeout.Token);
                    Assert.True(final.Status == "completed", $"run {id} ended {final.Status}");
                }
                _runs = runs;
            }
            return _runs;
        }
        finally
        {
            RunsLock.Release();
        }
    }
}
