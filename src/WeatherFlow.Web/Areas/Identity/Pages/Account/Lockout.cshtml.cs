using Microsoft.Extensions.Options;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WeatherFlow.Web.Accounts;

namespace WeatherFlow.Web.Areas.Identity.Pages.Account;

/// <summary>Where sign-in sends a locked-out account (and an address without one that failed as often): the same
/// answer as a rate limit's, 429 with the wait.</summary>
[AllowAnonymous]
public sealed class LockoutModel(IOptions<SignInProtectionOptions> options) : PageModel
{
    public string Explanation { get; private set; } = "";

    public void OnGet()
    {
        var wait = options.Value.LockoutTime;
        Explanation = TooManyAttempts.Explanation(wait);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers[HeaderNames.RetryAfter] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
