using System.Security.Claims;
using WeatherFlow.Api.Accounts;

namespace WeatherFlow.Api.Apis;

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe)
            .WithTags("Account")
            .WithName("GetCurrentAccount")
            .WithSummary("The account a personal access token belongs to")
            .RequireAuthorization();
        return app;
    }

    public static Ok<AccountSummary> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new AccountSummary(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!));
}
