using System.Diagnostics;
using Microsoft.Playwright;

namespace WeatherFlow.Tests.Browser;

/// <summary>The Aspire dashboard in Chromium, logged in with the link the AppHost prints, read as a user reads it.</summary>
public sealed class AspireDashboard : IAsyncDisposable
{
    private static readonly TimeSpan LookFor = TimeSpan.FromMinutes(2);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly Uri _address;

    private AspireDashboard(IPlaywright playwright, IBrowser browser, IPage page, Uri address) =>
        (_playwright, _browser, _page, _address) = (playwright, browser, page, address);

    public static async Task<AspireDashboard> LogInAsync(Uri loginLink)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        await page.GotoAsync(loginLink.ToString());
        return new AspireDashboard(playwright, browser, page, new Uri(loginLink, "/"));
    }

    /// <summary>
    /// Reads the resources grid until it shows <paramref name="expected"/>, or two minutes pass; returns what it
    /// showed last. Each entry is "name state", in name order; the random suffix of a replica of
    /// <paramref name="replicated"/> reads <c>*</c>.
    /// </summary>
    public async Task<string[]> WaitForResourcesAsync(IReadOnlyList<string> expected, string replicated, CancellationToken ct)
    {
        await _page.GotoAsync(_address.ToString());
        string[] shown = [];
        for (var look = Stopwatch.StartNew(); look.Elapsed < LookFor; await Task.Delay(500, ct))
        {
            shown = [.. (await RowsAsync()).Select(row => string.Join(' ', row.Split(' ').Take(2))).Select(row => ReplicaWildcard(row, replicated)).Order()];
            if (shown.SequenceEqual(expected))
            {
                break;
            }
        }
        return shown;
    }

    /// <summary>Reads the grid of a dashboard page (<c>/traces</c>, <c>/structuredlogs</c>) until a row satisfies
    /// <paramref name="matches"/>, or two minutes pass; returns that row, or null.</summary>
    public async Task<string?> WaitForRowAsync(string path, Func<string, bool> matches, CancellationToken ct)
    {
        await _page.GotoAsync(new Uri(_address, path).ToString());
        for (var look = Stopwatch.StartNew(); look.Elapsed < LookFor; await Task.Delay(500, ct))
        {
            if ((await RowsAsync()).FirstOrDefault(matches) is { } row)
            {
                return row;
            }
        }
        return null;
    }

    /// <summary>Reloads a dashboard page until it shows <paramref name="text"/> (metrics arrive every second or so),
    /// or two minutes pass.</summary>
    public async Task<bool> WaitForTextAsync(string path, string text, CancellationToken ct)
    {
        for (var look = Stopwatch.StartNew(); look.Elapsed < LookFor; await Task.Delay(1000, ct))
        {
            await _page.GotoAsync(new Uri(_address, path).ToString());
            try
            {
                await _page.GetByText(text).First.WaitForAsync(new() { Timeout = 10_000 });
                return true;
            }
            catch (TimeoutException)
            {
                // The dashboard renders over its Blazor circuit after the load event, and a chart's first points
                // come with the next export: a reload that shows neither yet is followed by another.
            }
        }
        return false;
    }

    public Task ScreenshotAsync(string path) => _page.ScreenshotAsync(new() { Path = path, FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>The grid's rows below its header, each as its text on one line.</summary>
    private async Task<string[]> RowsAsync() =>
        await _page.GetByRole(AriaRole.Row).EvaluateAllAsync<string[]>(
            "rows => rows.slice(1).map(row => row.innerText.trim().replace(/\\s+/g, ' '))");

    private static string ReplicaWildcard(string row, string replicated) =>
        row.StartsWith($"{replicated}-", StringComparison.Ordinal) ? $"{replicated}-* {row.Split(' ')[^1]}" : row;
}
