using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WeatherFlow.Web.Accounts;

namespace WeatherFlow.Web.Pages;

/// <summary>The page for an error status that has no body of its own (an unknown path or experiment, a bad id, a
/// form posted without its antiforgery token, an account form refused by its rate limit): re-executed by the status-code-pages middleware with the failed
/// request's method, so the answer keeps its status and is still a real page. It changes nothing, so a re-executed
/// POST needs no token of its own.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        if (code == StatusCodes.Status429TooManyRequests && HttpContext.Items[AccountFormLimits.RetryAfterItem] is TimeSpan wait)
        {
            (Title, Explanation) = (TooManyAttempts.Title, TooManyAttempts.Explanation(wait));
            Response.Headers[HeaderNames.RetryAfter] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }
        (Title, Explanation) = code switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is no page or experiment at this address. It may have been mistyped, or the experiment id is not one WeatherFlow knows."),
            StatusCodes.Status400BadRequest => ("Bad request", "WeatherFlow could not accept this request. If you sent a form, it may have expired: go back, reload the page and send it again."),
            _ => ($"Error {code}", "WeatherFlow could not answer this request."),
        };
    }

    public void OnPost(int code) => OnGet(code);
}
