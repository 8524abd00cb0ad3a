using System.Security.Claims;

namespace WeatherFlow.Api.Accounts;

/// <summary>
/// Whom a request acts for, and so which experiments it may see: an admin every one; an account its own; anyone
/// an anonymous run whose id it holds (the answer to its POST, like an unlisted link) — lists show those to no one
/// but admins. Only the owner or an admin may change a run.
/// </summary>
public sealed record Caller(string? AccountId, bool IsAdmin, string? Name)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null,
        user.IsInRole(WeatherFlowUser.AdminRole),
        user.Identity?.IsAuthenticated == true ? user.Identity.Name : null);

    public bool CanRead(string? ownerId) => IsAdmin || ownerId is null || ownerId == AccountId;
}
