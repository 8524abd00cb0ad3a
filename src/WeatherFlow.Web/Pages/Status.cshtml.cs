using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeatherFlow.Web.Pages;

/// <summary>The page for an error status that has no body of its own (an unknown path or experiment, a bad id):
/// re-executed by the status-code-pages middleware, so the answer keeps its status and is still a real page.</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Explanation) = code == StatusCodes.Status404NotFound
            ? ("Not found", "There is no page or experiment at this address. It may have been mistyped, or the experiment id is not one WeatherFlow knows.")
            : ($"Error {code}", "WeatherFlow could not answer this request.");
    }
}
