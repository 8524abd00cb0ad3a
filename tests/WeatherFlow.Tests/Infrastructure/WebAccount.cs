using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// An account made the way a user makes one, over HTTP instead of a browser: signed up on the web's Identity pages,
/// confirmed from the link the web logged, signed in. Its cookies sign in other clients and browsers.
/// </summary>
public sealed partial class WebAccount
{
    public const string Password = "Correct-horse-7";

    private readonly Uri _web;

    private WebAccount(string email, Uri web) => (Email, _web) = (email, web);

    public string Email { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>A client of the web, signed in as this account.</summary>
    public HttpClient CreateWebClient(bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = followRedirects }) { BaseAddress = _web };

    /// <summary>The sign-in as Playwright's storage state, for <c>NewPageAsync(new() { StorageState = … })</c>.</summary>
    public string BrowserStorageState() => JsonSerializer.Serialize(new
    {
        cookies = Cookies.GetAllCookies().Select(cookie => new
        {
            name = cookie.Name, value = cookie.Value, domain = cookie.Domain, path = cookie.Path,
            expires = -1, httpOnly = cookie.HttpOnly, secure = cookie.Secure, sameSite = "Lax",
        }),
        origins = Array.Empty<object>(),
    });

    public static async Task<WebAccount> SignUpAsync(DistributedApplication app, string email, CancellationToken cancellationToken)
    {
        var account = new WebAccount(email, app.GetEndpoint(CompositionResources.Web));
        using var web = account.CreateWebClient();
        await PostFormAsync(web, "/Identity/Account/Register",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password }, cancellationToken);
        var mail = await app.WaitForLogLineAsync(CompositionResources.Web, line => line.Contains($"Mail to {email}, \"Confirm your email\""), cancellationToken);
        var link = WebUtility.HtmlDecode(mail[(mail.IndexOf("href='", StringComparison.Ordinal) + 6)..].Split('\'')[0]);
        using (var confirmed = await web.GetAsync(link, cancellationToken))
        {
            Assert.Contains("Thank you for confirming your email", await confirmed.Content.ReadAsStringAsync(cancellationToken));
        }
        await PostFormAsync(web, "/Identity/Account/Login",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.RememberMe"] = "false" }, cancellationToken);
        Assert.Contains(account.Cookies.GetAllCookies(), cookie => cookie.Name == ".AspNetCore.Identity.Application");
        return account;
    }

    /// <summary>Makes a personal access token on the web's Tokens page and reads it off the page, where it is shown once.</summary>
    public async Task<string> CreateTokenAsync(string name, CancellationToken cancellationToken)
    {
        using var web = CreateWebClient();
        var page = await PostFormAsync(web, "/account/tokens?handler=Create", new() { ["Name"] = name }, cancellationToken);
        return NewToken().Match(page).Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The Tokens page showed no new token.");
    }

    private static async Task<string> PostFormAsync(HttpClient web, string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var response = await WebForm.PostAsync(web, path, fields, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    [GeneratedRegex("id=\"new-token\"[^>]*>([^<]+)<")]
    private static partial Regex NewToken();
}
