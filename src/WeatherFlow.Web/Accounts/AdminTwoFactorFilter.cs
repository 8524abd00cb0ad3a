using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using WeatherFlow.Data.Accounts;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// With <see cref="SignInProtectionOptions.RequireTwoFactorForAdmins"/>, an admin without two-factor sign-in is sent
/// to set up an authenticator app before any other page, and can do nothing else until it is on.
/// </summary>
public sealed class AdminTwoFactorFilter(IOptions<SignInProtectionOptions> options, UserManager<WeatherFlowUser> users) : IAsyncPageFilter
{
    private const string SetUp = "/Identity/Account/Manage/EnableAuthenticator";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (options.Value.RequireTwoFactorForAdmins
            && context.HttpContext.User.IsInRole(WeatherFlowUser.AdminRole)
            && !IsAllowedWithoutTwoFactor(request.Path)
            && await users.GetUserAsync(context.HttpContext.User) is { TwoFactorEnabled: false })
        {
            context.Result = new RedirectResult(SetUp);
            return;
        }
        await next();
    }

    /// <summary>The account pages (to turn it on), signing out, and the error pages.</summary>
    private static bool IsAllowedWithoutTwoFactor(PathString path) =>
        path.StartsWithSegments("/Identity/Account/Manage") || path.StartsWithSegments("/Identity/Account/Logout")
        || path.StartsWithSegments("/status") || path.StartsWithSegments("/Error");
}
