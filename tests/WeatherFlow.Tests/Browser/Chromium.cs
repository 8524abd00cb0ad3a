using Microsoft.Playwright;

namespace WeatherFlow.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright; <c>playwright install</c> is never run (there is no network).</summary>
public static class Chromium
{
    private const string ExecutablePath = "/usr/lib/chromium/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
            ],
        });
        return (playwright, browser);
    }
}
