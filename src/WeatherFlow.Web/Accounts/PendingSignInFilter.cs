using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Identity UI's pages for the second step of a sign-in (an authenticator or a recovery code) throw when no sign-in is
/// waiting for one: opened directly, or after the step's cookie expired. That is no server error: the page sends the
/// browser to sign in again.
/// </summary>
public sealed class PendingSignInFilter : IAsyncPageFilter
{
    private static readonly string[] SecondStepPages = ["/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is InvalidOperationException && SecondStepPages.Any(page => context.HttpContext.Request.Path.Equals(page, StringComparison.OrdinalIgnoreCase)))
        {
            executed.ExceptionHandled = true;
            executed.Result = new RedirectResult("/Identity/Account/Login");
        }
    }
}
