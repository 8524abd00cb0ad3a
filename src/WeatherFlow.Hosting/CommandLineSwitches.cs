namespace WeatherFlow.Hosting;

/// <summary>
/// Aspire's command-line switches. azd runs <c>dotnet run --project X --publisher manifest --output-path P</c>
/// without <c>--</c>, people usually with it; both reach the AppHost, the latter with a literal <c>--</c> to drop.
/// </summary>
internal static class CommandLineSwitches
{
    public static readonly Dictionary<string, string> Mappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Pipeline:OutputPath",
        ["--operation"] = "AppHost:Operation",
    };

    public static string[] Normalize(string[] args) => [.. args.Where(a => a != "--")];
}
