using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// A <c>returnUrl</c> that leads off the site is ignored and the page goes home instead. Identity UI's pages pass the
/// one they are given to <c>LocalRedirect</c>, which throws for an off-site address (a 500 with a stack trace); every
/// page takes it as a handler argument, so replacing it here covers them all, and any page to come.
/// </summary>
public sealed class LocalReturnUrlFilter(IUrlHelperFactory urls) : IAsyncPageFilter
{
    public const string Home = "~/";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var url = urls.GetUrlHelper(context);
        foreach (var name in context.HandlerArguments.Keys.Where(IsReturnUrl).ToList())
        {
            if (context.HandlerArguments[name] is string returnUrl && !url.IsLocalUrl(returnUrl))
            {
                context.HandlerArguments[name] = Home;
            }
        }
        return next();
    }

    private static bool IsReturnUrl(string argument) => string.Equals(argument, "returnUrl", StringComparison.OrdinalIgnoreCase);
}
