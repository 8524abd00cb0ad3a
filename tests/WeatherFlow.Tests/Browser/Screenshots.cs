namespace WeatherFlow.Tests.Browser;

/// <summary>Where the browser tests leave their screenshots: <c>bin/…/TestResults/Browser/</c>.</summary>
public static class Screenshots
{
    public static string PathOf(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "Browser");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
