using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Sign-in with GitHub as an external login of ASP.NET Core Identity, through OpenIddict's client and its GitHub web
/// provider. OpenIddict registers a <c>GitHub</c> authentication scheme with a display name, which Identity UI's
/// sign-in page lists as a button; its challenge goes to GitHub, and GitHub's answer comes back to
/// <see cref="CallbackPath"/>, which hands the user to Identity's ExternalLogin page to create or link the account.
/// </summary>
public static class GitHubSignIn
{
    /// <summary>Where GitHub sends the browser back: the OAuth app's callback URL is this path on the web's address.</summary>
    public const string CallbackPath = "/callback/login/github";

    /// <summary>The item Identity's <c>GetExternalLoginInfoAsync</c> reads the provider from.</summary>
    private const string LoginProviderItem = "LoginProvider";

    public static void AddGitHubSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GitHubSignInOptions>().BindConfiguration(GitHubSignInOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        var github = builder.Configuration.GetSection(GitHubSignInOptions.SectionName).Get<GitHubSignInOptions>();
        if (github is not { IsConfigured: true })
        {
            return;
        }

        builder.Services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();

            // The state token that carries a sign-in through GitHub is protected with the web's data-protection keys
            // and kept nowhere else, so OpenIddict needs no tables of its own in the weatherdb.
            client.UseDataProtection();
            client.DisableTokenStorage();
            // OpenIddict wants an encryption and a signing key for interactive flows even so; they would protect only
            // JWT-format state tokens, which it does not issue here, so keys that die with the process do.
            client.AddEphemeralEncryptionKey().AddEphemeralSigningKey();

            var aspNetCore = client.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnableStatusCodePagesIntegration();
            // The local run serves plain HTTP on loopback; deployed, TLS ends at the ingress and the forwarded
            // scheme makes every request HTTPS again, so OpenIddict's HTTPS requirement stays on there.
            if (builder.Environment.IsDevelopment())
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            client.UseSystemNetHttp().SetProductInformation(typeof(GitHubSignIn).Assembly);
            client.UseWebProviders().AddGitHub(provider => provider
                .SetClientId(github.ClientId!)
                .SetClientSecret(github.ClientSecret!)
                .SetRedirectUri(CallbackPath.TrimStart('/')));
        });
    }

    /// <summary>
    /// GitHub's callback: OpenIddict has checked the state and redeemed the code; the GitHub user goes into Identity's
    /// external cookie with the claims its ExternalLogin page reads (the GitHub user id as the provider key, the
    /// login name and the address), and the browser goes on to that page, which the challenge named.
    /// </summary>
    public static WebApplication MapGitHubSignIn(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<GitHubSignInOptions>>().Value.IsConfigured)
        {
            return app;
        }

        app.MapGet(CallbackPath, async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is not { Identity.IsAuthenticated: true } github || result.Properties is null ||
                github.GetClaim(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
            {
                return Results.BadRequest();
            }

            var provider = github.GetClaim(Claims.Private.ProviderName)!;
            var identity = new ClaimsIdentity(authenticationType: provider);
            identity.SetClaim(ClaimTypes.NameIdentifier, userId)
                .SetClaim(ClaimTypes.Name, github.GetClaim(ClaimTypes.Name))
                .SetClaim(ClaimTypes.Email, github.GetClaim(ClaimTypes.Email));
            var properties = new AuthenticationProperties(result.Properties.Items) { RedirectUri = result.Properties.RedirectUri };
            // Identity's challenge already named the provider; a challenge made some other way still links as GitHub.
            properties.Items[LoginProviderItem] = provider;
            await context.SignInAsync(IdentityConstants.ExternalScheme, new ClaimsPrincipal(identity), properties);
            return Results.LocalRedirect(properties.RedirectUri ?? "/Identity/Account/ExternalLogin?handler=Callback");
        });
        return app;
    }
}
