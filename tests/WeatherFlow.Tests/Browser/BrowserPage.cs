using Microsoft.Playwright;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Browser;

/// <summary>One page of a freshly launched Chromium, closed with it; signed in as the account given, if any.</summary>
public sealed class BrowserPage(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public static async Task<BrowserPage> OpenAsync(WebAccount? signedInAs, int width = 1280, int height = 900)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new(playwright, browser, await browser.NewPageAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            StorageState = signedInAs?.BrowserStorageState(),
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
