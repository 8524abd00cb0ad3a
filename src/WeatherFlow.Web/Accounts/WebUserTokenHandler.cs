using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WeatherFlow.Data.Accounts;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Sends each call to the api as the signed-in user: a JWT of their id, name and roles, signed with the key the
/// AppHost gives both (<see cref="WebUserTokenOptions"/>). A call for a visitor who is not signed in goes without one.
/// </summary>
public sealed class WebUserTokenHandler(IHttpContextAccessor http, IOptions<WebUserTokenOptions> options, TimeProvider time) : DelegatingHandler
{
    private static readonly JsonWebTokenHandler Tokens = new();

    private readonly SigningCredentials _credentials =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.SigningKey)), SecurityAlgorithms.HmacSha256);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Create(user, id));
        }
        return base.SendAsync(request, cancellationToken);
    }

    private string Create(ClaimsPrincipal user, string id)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = WebUserTokenOptions.Issuer,
            Audience = WebUserTokenOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.Lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id),
                new Claim(ClaimTypes.Name, user.Identity?.Name ?? id),
                .. user.FindAll(ClaimTypes.Role).Select(role => new Claim(ClaimTypes.Role, role.Value)),
            ]),
            SigningCredentials = _credentials,
        });
    }
}
