using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace WeatherFlow.Api.Accounts;

/// <summary>
/// <c>Authorization: Bearer wf_…</c>: the user whose unrevoked personal access token it is. Written here because a
/// token that users make and revoke in the web, and that the api checks against the database on every request (so
/// a revoked one stops at once), is what no served authentication library does; it holds no logic beyond the lookup.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WeatherDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = PersonalAccessTokens.Hash(header["Bearer ".Length..].Trim());
        var owner = await db.PersonalAccessTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                u.Id,
                u.UserName,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, owner.Id), new Claim(ClaimTypes.Name, owner.UserName ?? owner.Id),
                .. owner.Roles.OfType<string>().Select(role => new Claim(ClaimTypes.Role, role)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AccountProblems.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccountProblems.ForbiddenAsync(Context);
}
