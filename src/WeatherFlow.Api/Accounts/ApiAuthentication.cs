using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace WeatherFlow.Api.Accounts;

public static class ApiAuthentication
{
    public const string AdminPolicy = "admin";

    private const string BearerScheme = "PersonalAccessTokenOrWebUser";

    /// <summary>
    /// Two kinds of bearer token, told apart by their look: a user's personal access token (<c>wf_…</c>), and the
    /// short-lived JWT the web signs for its signed-in user (<see cref="WebUserTokenOptions"/>). Either way the
    /// request acts for that account, with its roles, as a <see cref="Caller"/>.
    /// </summary>
    public static void AddApiAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebUserTokenOptions>().BindConfiguration(WebUserTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "Personal access token or web user", policy => policy.ForwardDefaultSelector = context =>
                IsJwt(context.Request.Headers.Authorization.ToString()) ? JwtBearerDefaults.AuthenticationScheme : PersonalAccessTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddJwtBearer();
        // From the validated options, so a missing or short key stops the api at start rather than at a request.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<WebUserTokenOptions>>((jwt, webUserTokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = WebUserTokenOptions.Issuer,
                    ValidAudience = WebUserTokenOptions.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(webUserTokens.Value.SigningKey)),
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = context =>
                    {
                        context.HandleResponse();
                        return AccountProblems.UnauthorizedAsync(context.HttpContext);
                    },
                    OnForbidden = context => AccountProblems.ForbiddenAsync(context.HttpContext),
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(WeatherFlowUser.AdminRole));
        builder.Services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AccountQuotas>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => Caller.From(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new ClaimsPrincipal()));
    }

    /// <summary>Three dot-separated parts after "Bearer ": a JWT's shape; anything else is judged as an access token.</summary>
    private static bool IsJwt(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.AsSpan(7).Count('.') == 2;
}
