namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>How the web's forms type a run's labels: tags in one comma-separated box, the note in a textarea.</summary>
public static class LabelText
{
    public static IReadOnlyList<string> Tags(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A browser sends a textarea's line breaks as CRLF whatever was typed; API clients send plain LF.</summary>
    public static string Note(string text) => text.ReplaceLineEndings("\n");
}
