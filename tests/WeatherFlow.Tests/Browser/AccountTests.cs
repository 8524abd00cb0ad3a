using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Browser;

/// <summary>Accounts on the web (ASP.NET Core Identity): sign up and confirm the address from the mailed link, make a
/// token the api accepts, submit a run (the token lists it as the user's), revoke the token (it stops at once), sign out, sign in again, reset a forgotten password from the
/// mailed link (screenshots account-*.png).</summary>
[Collection(CompositionCollection.Name)]
public sealed class AccountTests(CompositionFixture composition)
{
    private const string Password = "Correct-horse-7", NewPassword = "Battery-staple-9";

    /// <summary>Trains in about a second; its seed is used by no other test class.</summary>
    private static readonly SmallExperiment Tiny = new(
        Variables: ["t"], PressureLevels: ["500"], GridSize: "16x32", TrainSamples: 4, ValSamples: 4,
        Backbone: "grid", SolverMethod: "midpoint", HiddenDim: 32, Epochs: 1, BatchSize: 2, Seed: 3401);

    private readonly HttpClient _api = composition.App.CreateHttpClient(CompositionResources.Api);

    [Fact]
    public async Task Sign_up_make_and_revoke_a_token_sign_out_sign_in_and_reset_the_password()
    {
        using var timeout = TestTimeout.Runs();
        await using var browser = await BrowserPage.OpenAsync(signedInAs: null);
        var page = browser.Page;
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        var email = $"user-{Guid.NewGuid():N}"[..13] + "@example.com";

        await GotoAsync(page, "/");
        await page.ClickAsync("#register");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.FillAsync("#Input_ConfirmPassword", Password);
        await page.ClickAsync("#registerSubmit");
        await page.GotoAsync(await MailedLinkAsync(email, "Confirm your email", timeout.Token));
        Assert.Contains("Thank you for confirming your email", await page.Locator("main").InnerTextAsync());
        await SignInAsync(page, email, Password);
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());

        await page.ClickAsync("#signed-in-as");
        await page.FillAsync("#Name", "laptop");
        await page.ClickAsync("#create-token");
        var token = await page.Locator("#new-token").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("account-token.png"), FullPage = true });
        Assert.StartsWith("wf_", token);
        Assert.Equal(email, (await MeAsync(token, timeout.Token)).GetProperty("userName").GetString());

        // A run submitted on the web is the user's: their token lists it.
        var pages = new ExperimentPages(page, composition.App.GetEndpoint(CompositionResources.Web));
        await pages.OpenComposeFormAsync();
        await pages.FillAsync(Tiny);
        await pages.SubmitAsync();
        await pages.WaitForFinalStateAsync();
        var submitted = Guid.Parse(page.Url.TrimEnd('/').Split('/')[^1]);
        Assert.Contains(submitted, await ListedIdsAsync(token, timeout.Token));
        await GotoAsync(page, "/account/tokens");

        await page.Locator("#tokens tr[data-token='laptop'] button").ClickAsync();
        Assert.Contains("revoked", await page.Locator("#tokens tr[data-token='laptop']").InnerTextAsync());
        using (var revoked = await SendMeAsync(token, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
            Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        }
        await GotoAsync(page, "/");
        Assert.DoesNotContain(token, await page.ContentAsync());

        await page.ClickAsync("#sign-out");
        await page.Locator("#sign-in").WaitForAsync();
        await GotoAsync(page, "/account/tokens");
        Assert.Contains("/Identity/Account/Login", page.Url);
        await SignInAsync(page, email, Password);
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());
        await page.ClickAsync("#sign-out");

        await GotoAsync(page, "/Identity/Account/ForgotPassword");
        await page.FillAsync("#Input_Email", email);
        await page.ClickAsync("form button[type='submit']");
        await page.GotoAsync(await MailedLinkAsync(email, "Reset your password", timeout.Token));
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", NewPassword);
        await page.FillAsync("#Input_ConfirmPassword", NewPassword);
        await page.ClickAsync("form button[type='submit']");
        await SignInAsync(page, email, NewPassword);
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("account-signed-in.png"), FullPage = true });
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_api_says_401_with_a_problem_to_a_call_without_a_token_or_with_an_unknown_one()
    {
        using var anonymous = await _api.GetAsync("/api/me");
        using var unknown = await SendMeAsync("wf_not-a-token", CancellationToken.None);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anonymous.StatusCode, unknown.StatusCode));
        Assert.Contains("personal access token", await unknown.Content.ReadAsStringAsync());
    }

    /// <summary>The link of the account mail the web logged for the address (it has no mail server).</summary>
    private async Task<string> MailedLinkAsync(string email, string subject, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        var mail = await composition.App.WaitForLogLineAsync(CompositionResources.Web, line => line.Contains($"Mail to {email}, \"{subject}\""), wait.Token);
        return WebUtility.HtmlDecode(mail[(mail.IndexOf("href='", StringComparison.Ordinal) + 6)..].Split('\'')[0]);
    }

    private async Task GotoAsync(IPage page, string path) =>
        await page.GotoAsync(new Uri(composition.App.GetEndpoint(CompositionResources.Web), path).ToString());

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await GotoAsync(page, "/Identity/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await page.Locator("#signed-in-as").WaitForAsync();
    }

    private async Task<JsonElement> MeAsync(string token, CancellationToken cancellationToken)
    {
        using var response = await SendMeAsync(token, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private async Task<List<Guid>> ListedIdsAsync(string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/experiments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _api.SendAsync(request, cancellationToken);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).EnumerateArray().Select(row => row.GetProperty("id").GetGuid())];
    }

    private Task<HttpResponseMessage> SendMeAsync(string token, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _api.SendAsync(request, cancellationToken);
    }
}
