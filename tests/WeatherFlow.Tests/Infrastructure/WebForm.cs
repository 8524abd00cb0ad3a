using System.Text.RegularExpressions;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>A form of the web posted as a browser posts it: with the antiforgery token its page carries.</summary>
public static partial class WebForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient web, string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var form = await web.GetStringAsync(path.Split('?')[0], cancellationToken);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await web.PostAsync(path, new FormUrlEncodedContent(fields), cancellationToken);
    }

    /// <summary>What the page shows in its main part, without what differs between two answers of the same page
    /// (antiforgery tokens, the address typed, indentation).</summary>
    public static string MainText(string page, params string[] typed)
    {
        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..(page.IndexOf("</main>", StringComparison.Ordinal) + 7)];
        main = Whitespace().Replace(AntiforgeryField().Replace(main, ""), " ");
        return typed.Aggregate(main, (text, address) => text.Replace(address, "{typed}", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryField();
}
