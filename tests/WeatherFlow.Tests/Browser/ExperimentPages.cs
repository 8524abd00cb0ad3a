using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace WeatherFlow.Tests.Browser;

/// <summary>The web's experiment pages as a user drives them, on one Playwright page.</summary>
public sealed class ExperimentPages(IPage page, Uri web)
{
    private static readonly float FinalStateTimeoutMs = (float)TimeSpan.FromMinutes(4).TotalMilliseconds;

    // The form posts to the web, which asks the api: on a 2-core CI machine running other suites that can take a while.
    private static readonly float SubmitTimeoutMs = (float)TimeSpan.FromMinutes(2).TotalMilliseconds;

    /// <summary>Every value the experiment page's progress bar showed, in order, across reloads.</summary>
    public ConcurrentQueue<double> ProgressSeen { get; } = new();

    /// <summary>How many training points the live loss chart held, each time it was redrawn.</summary>
    public ConcurrentQueue<int> LiveLossPointsSeen { get; } = new();

    public IPage Page => page;

    /// <summary>Records the progress bar from inside the browser, so no value is missed between two looks.</summary>
    public async Task RecordProgressAsync()
    {
        await page.ExposeFunctionAsync("reportProgress", (string value) => ProgressSeen.Enqueue(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        await page.ExposeFunctionAsync("reportLossPoints", (int count) => LiveLossPointsSeen.Enqueue(count));
        await page.AddInitScriptAsync("""
            document.addEventListener("DOMContentLoaded", () => {
                const bar = document.querySelector('[aria-label="training progress"]');
                if (!bar) return;
                const report = () => window.reportProgress(bar.getAttribute("aria-valuenow"));
                report();
                new MutationObserver(report).observe(bar, { attributes: true, attributeFilter: ["aria-valuenow"] });
                const line = document.querySelector("#live-loss polyline.train");
                if (!line) return;
                new MutationObserver(() => window.reportLossPoints(line.getAttribute("points").trim().split(/\s+/).filter(Boolean).length))
                    .observe(line, { attributes: true, attributeFilter: ["points"] });
            });
            """);
    }

    public async Task OpenComposeFormAsync()
    {
        await page.GotoAsync(new Uri(web, "/experiments/new").ToString());
        await page.Locator("#experiment-form").WaitForAsync();
    }

    public async Task FillAsync(SmallExperiment experiment)
    {
        foreach (var box in await page.Locator("input[name='Form.Variables']").AllAsync())
        {
            await box.SetCheckedAsync(experiment.Variables.Contains(await box.GetAttributeAsync("value")));
        }
        foreach (var box in await page.Locator("input[name='Form.PressureLevels']").AllAsync())
        {
            await box.SetCheckedAsync(experiment.PressureLevels.Contains(await box.GetAttributeAsync("value")));
        }
        await page.SelectOptionAsync("#Form_GridSize", experiment.GridSize);
        await page.SelectOptionAsync("#Form_Backbone", experiment.Backbone);
        await page.SelectOptionAsync("#Form_SolverMethod", experiment.SolverMethod);
        await page.FillAsync("#Form_TrainSamples", experiment.TrainSamples.ToString());
        await page.FillAsync("#Form_ValSamples", experiment.ValSamples.ToString());
        await page.FillAsync("#Form_HiddenDim", experiment.HiddenDim.ToString());
        await page.FillAsync("#Form_Epochs", experiment.Epochs.ToString());
        await page.FillAsync("#Form_BatchSize", experiment.BatchSize.ToString());
        await page.FillAsync("#Form_Seed", experiment.Seed.ToString());
    }

    public async Task SubmitAsync()
    {
        await page.ClickAsync("#submit-experiment", new() { Timeout = SubmitTimeoutMs });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = SubmitTimeoutMs });
    }

    /// <summary>The message shown under a numeric field after the api refused the config.</summary>
    public Task<string> FieldErrorAsync(string field) =>
        page.Locator($"#Form_{field} ~ .invalid-feedback").InnerTextAsync();

    /// <summary>Every message the compose form shows next to a field, as <c>field name: message</c> in name order.</summary>
    public async Task<string[]> FieldMessagesAsync() =>
        [.. (await page.Locator("#experiment-form [data-field]").EvaluateAllAsync<string[]>("""
            fields => fields
                .map(field => [field.querySelector("input, textarea").name, field.querySelector(".invalid-feedback")])
                .filter(([, feedback]) => feedback.checkVisibility() && feedback.textContent.trim() !== "")
                .map(([name, feedback]) => `${name}: ${feedback.textContent.trim()}`)
            """)).Order(StringComparer.Ordinal)];

    /// <summary>How far the page is wider than the window (0 when it needs no sideways scrolling).</summary>
    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("() => Math.max(0, document.scrollingElement.scrollWidth - window.innerWidth)");

    /// <summary>Waits on the experiment page until the server renders it in a final state.</summary>
    public Task WaitForFinalStateAsync() =>
        page.Locator("#progress-panel[data-final='true']").WaitForAsync(new() { Timeout = FinalStateTimeoutMs });

    /// <summary>Why the run failed, when it did; empty otherwise.</summary>
    public async Task<string> ErrorAsync() =>
        await page.Locator("[data-testid='experiment-error']").CountAsync() > 0
            ? await page.Locator("[data-testid='experiment-error']").InnerTextAsync()
            : "";

    public Task<string> StatusAsync() => page.Locator("#experiment-status").InnerTextAsync();

    public Task<int> LossLinesAsync() => page.Locator("#loss-chart svg polyline").CountAsync();

    public Task<string[]> ChannelNamesAsync() =>
        page.Locator(".channel-prediction").EvaluateAllAsync<string[]>("cards => cards.map(card => card.dataset.channel)");

    /// <summary>The decoded pixel widths of the heatmap pictures (0 for one the browser could not decode).</summary>
    public Task<int[]> HeatmapWidthsAsync() =>
        page.Locator("img.heatmap").EvaluateAllAsync<int[]>("images => images.map(image => image.naturalWidth)");

    /// <summary>What the result says of the model against persistence.</summary>
    public Task<string> PersistenceVerdictAsync() => page.Locator("#persistence-verdict").InnerTextAsync();

    /// <summary>The latitude and longitude tick labels of the first map.</summary>
    public async Task<string[]> FirstMapTicksAsync() =>
        [.. await page.Locator(".map").First.Locator(".map-latitudes span, .map-longitudes span").AllInnerTextsAsync()];

    /// <summary>The status the recent-experiments list shows for an experiment, found by its link.</summary>
    public async Task<string> ListedStatusAsync(string experimentPath)
    {
        await page.GotoAsync(new Uri(web, "/").ToString());
        var row = page.Locator("#experiments tbody tr").Filter(new() { Has = page.Locator($"a[href='{experimentPath}']") });
        return await row.Locator(".badge.status").InnerTextAsync();
    }

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new() { Path = path, FullPage = true });
}
