using WeatherFlow.Contracts.History;
using Microsoft.AspNetCore.WebUtilities;

namespace WeatherFlow.Web.Pages;

/// <summary>
/// The history parameters of a page's query string, passed on to the api as the user gave them (the api checks them
/// once and says what is wrong with each), less the empty fields an HTML GET form sends for every blank input.
/// </summary>
public sealed class HistoryQuery(IQueryCollection query)
{
    public static readonly string[] FilterNames =
        [HistoryParameterNames.Text, HistoryParameterNames.Status, HistoryParameterNames.Backbone, HistoryParameterNames.Variable, HistoryParameterNames.Tag, HistoryParameterNames.From, HistoryParameterNames.To];

    private static readonly string[] PageNames = [HistoryParameterNames.Sort, HistoryParameterNames.Order, HistoryParameterNames.Limit, HistoryParameterNames.Cursor];

    public string? this[string name] => query.TryGetValue(name, out var values) ? values.FirstOrDefault(value => !string.IsNullOrEmpty(value)) : null;

    public bool Has(string name, string value) => query.TryGetValue(name, out var values) && values.Contains(value);

    public bool IsFiltered => FilterNames.Any(name => this[name] is not null);

    /// <summary>The filters and the paging parameters, for <c>GET /api/experiments</c>.</summary>
    public QueryString ForList() => Build([.. FilterNames, .. PageNames]);

    /// <summary>The filters and the given extra parameters (<c>metric</c>, <c>by</c>), for the aggregates.</summary>
    public QueryString ForFilters(params string[] extra) => Build([.. FilterNames, .. extra]);

    /// <summary>This query at the page after the one ending at <paramref name="cursor"/>.</summary>
    public string NextPage(string path, string cursor) =>
        QueryHelpers.AddQueryString(path, [.. Pairs([.. FilterNames, .. PageNames.Where(name => name != HistoryParameterNames.Cursor)]), KeyValuePair.Create(HistoryParameterNames.Cursor, (string?)cursor)]);

    private QueryString Build(string[] names) => QueryString.Create(Pairs(names));

    private IEnumerable<KeyValuePair<string, string?>> Pairs(string[] names) =>
        names.SelectMany(name => query.TryGetValue(name, out var values)
            ? values.Where(value => !string.IsNullOrEmpty(value)).Select(value => KeyValuePair.Create(name, value))
            : []);
}
