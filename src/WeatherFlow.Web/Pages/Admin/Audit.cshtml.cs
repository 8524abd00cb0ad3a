using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Admin;

/// <summary>The audit trail for admins: the api's events, filtered as the form says, newest first, a page at a time.</summary>
[Authorize(Roles = WeatherFlowUser.AdminRole)]
public sealed class AuditModel(WeatherFlowApiClient api) : PageModel
{
    public static IEnumerable<string> Events => AuditEvents.All.Order();

    public ApiAnswer<AuditPage>? Answer { get; private set; }

    public string? Event => Request.Query["event"];
    public string? Actor => Request.Query["actor"];
    public string? Target => Request.Query["target"];
    public string? From => Request.Query["from"];
    public string? To => Request.Query["to"];

    /// <summary>The link to the next page: this query with the api's <c>before</c>.</summary>
    public string? NextPage => Answer?.Value?.Before is { } before
        ? QueryString.Create(Request.Query.Where(p => p.Key != "before").SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("before", (string?)before))).ToString()
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Empty fields of the form are no filters.
        var query = QueryString.Create(Request.Query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
        Answer = await api.ListAuditAsync(query, cancellationToken);
    }
}
