using System.Globalization;

namespace WeatherFlow.Api.Http;

public static class NextPageLink
{
    /// <summary>Sets <c>Link: &lt;…&gt;; rel="next"</c> to this request's address with <paramref name="parameter"/>
    /// (the keyset position) set to where the next page starts, every other parameter as the client sent it.</summary>
    public static void Set(HttpContext context, string parameter, string value)
    {
        var query = QueryString.Create(context.Request.Query
            .Where(existing => existing.Key != parameter)
            .SelectMany(existing => existing.Value.Select(given => KeyValuePair.Create(existing.Key, given)))
            .Append(KeyValuePair.Create(parameter, (string?)value)));
        context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{query}>; rel=\"next\"";
    }

    public static void Set(HttpContext context, string parameter, long value) =>
        Set(context, parameter, value.ToString(CultureInfo.InvariantCulture));
}
