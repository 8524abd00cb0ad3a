using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtpNet;
using WeatherFlow.Contracts.Accounts;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>
/// The account pages tried as an attacker tries them: guessing passwords, asking which addresses exist, sending
/// people off-site through return URLs; and the owner's side: two-factor sign-in, and the audit trail admins read.
/// </summary>
[Collection(AccountProtectionCollection.Name)]
public sealed partial class AccountProtectionTests(AccountProtectionFixture composition)
{
    private const string Login = "/Identity/Account/Login";
    private static int s_nextSource = 10;

    [Fact]
    public async Task Wrong_passwords_lock_an_account_and_an_address_without_one_answers_exactly_alike()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (account, _) = await composition.NewAccountAsync("guessed", ct);
        var nobody = $"nobody-{Guid.NewGuid():N}@example.com";
        using var web = await ClientAsync();

        // Four failures are just wrong; the fifth locks (Identity's lockout) and so do the next. (The account's own
        // sign-up and first sign-in were two posts for its address: it reaches the address's limit two posts sooner.)
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var (existing, existingPage) = await SignInAsync(web, account.Email, "Wrong-password-1", ct);
            var (unknown, unknownPage) = await SignInAsync(web, nobody, "Wrong-password-1", ct);
            Assert.Equal(existing, unknown);
            Assert.Equal(WebForm.MainText(existingPage, account.Email), WebForm.MainText(unknownPage, nobody));
            Assert.Equal(attempt < 5 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, existing);
            Assert.Contains(attempt < 5 ? "Invalid login attempt" : "Too many attempts", existingPage);
        }
        // Locked: the right password does not sign in either, and the page says the same (here the address's own
        // limit answers first: ten posts in the window).
        var (right, rightPage) = await SignInAsync(web, account.Email, WebAccount.Password, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, right);
        Assert.Matches(@"Wait \d+ minutes and try again", rightPage);
        for (var attempt = 9; attempt <= 11; attempt++)
        {
            var (unknown, unknownPage) = await SignInAsync(web, nobody, WebAccount.Password, ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, unknown);
            Assert.Equal(WebForm.MainText(rightPage, account.Email), WebForm.MainText(unknownPage, nobody));
        }
    }

    [Fact]
    public async Task One_client_address_may_post_the_account_forms_only_so_often()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        using var web = await ClientAsync();
        for (var post = 1; post <= AccountProtectionFixture.FormsPerClientAddress; post++)
        {
            using var asked = await WebForm.PostAsync(web, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = $"reset-{post}@example.com" }, ct);
            Assert.True(asked.StatusCode == HttpStatusCode.OK, $"post {post}: {(int)asked.StatusCode}");
        }
        using var refused = await WebForm.PostAsync(web, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "one-more@example.com" }, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(ct));
        // Another client is not limited by it.
        using var other = await ClientAsync();
        using var answered = await WebForm.PostAsync(other, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "one-more@example.com" }, ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    public static TheoryData<string> OffSiteAddresses => ["https://evil.example/", "//evil.example", "/\\evil.example", "http:evil.example"];

    [Theory]
    [MemberData(nameof(OffSiteAddresses))]
    public async Task A_return_url_off_the_site_is_ignored_on_every_page_that_takes_one(string offSite)
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (account, _) = await composition.NewAccountAsync("returning", ct);
        using var web = await ClientAsync(followRedirects: false);
        var returnUrl = Uri.EscapeDataString(offSite);
        foreach (var page in (string[])[Login, "/Identity/Account/Register", "/Identity/Account/RegisterConfirmation",
            "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode", "/Identity/Account/ConfirmEmail",
            "/Identity/Account/ExternalLogin", "/Identity/Account/Logout"])
        {
            using var shown = await web.GetAsync($"{page}?returnUrl={returnUrl}", ct);
            Assert.True((int)shown.StatusCode < 500, $"{page}: {(int)shown.StatusCode}");
            Assert.False(IsOffSite(shown.Headers.Location), $"{page} sent the browser to {shown.Headers.Location}");
        }

        using var signedIn = await WebForm.PostAsync(web, $"{Login}?returnUrl={returnUrl}",
            new() { ["Input.Email"] = account.Email, ["Input.Password"] = WebAccount.Password, ["Input.RememberMe"] = "false" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        using var signedOut = await WebForm.PostAsync(web, $"/Identity/Account/Logout?returnUrl={returnUrl}", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_as_a_new_one_and_mails_its_owner()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (account, _) = await composition.NewAccountAsync("registered", ct);
        var fresh = $"fresh-{Guid.NewGuid():N}@example.com";
        using var web = await ClientAsync();

        var answers = new List<(HttpStatusCode Status, string Text, string Page)>();
        foreach (var address in (string[])[account.Email, fresh])
        {
            using var registered = await WebForm.PostAsync(web, "/Identity/Account/Register",
                new() { ["Input.Email"] = address, ["Input.Password"] = "Another-horse-8", ["Input.ConfirmPassword"] = "Another-horse-8" }, ct);
            var page = await registered.Content.ReadAsStringAsync(ct);
            answers.Add((registered.StatusCode, WebForm.MainText(page, address), registered.RequestMessage!.RequestUri!.AbsolutePath));
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal((HttpStatusCode.OK, "/Identity/Account/RegisterConfirmation"), (answers[0].Status, answers[0].Page));
        await composition.App.WaitForLogLineAsync(CompositionResources.Web, line => line.Contains($"Mail to {account.Email}, \"Someone tried to register with your address\""), ct);
        await composition.App.WaitForLogLineAsync(CompositionResources.Web, line => line.Contains($"Mail to {fresh}, \"Confirm your email\""), ct);

        // The confirmation page answers alike for any address, to anyone.
        using var anonymous = await ClientAsync();
        var existingPage = await anonymous.GetAsync($"/Identity/Account/RegisterConfirmation?email={Uri.EscapeDataString(account.Email)}", ct);
        var unknownPage = await anonymous.GetAsync($"/Identity/Account/RegisterConfirmation?email=nobody-{Guid.NewGuid():N}@example.com", ct);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (existingPage.StatusCode, unknownPage.StatusCode));
        Assert.Equal(WebForm.MainText(await existingPage.Content.ReadAsStringAsync(ct)), WebForm.MainText(await unknownPage.Content.ReadAsStringAsync(ct)));
    }

    [Fact]
    public async Task Two_factor_sign_in_with_an_authenticator_app_asks_for_a_code_and_remembers_the_browser_if_asked()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (account, _) = await composition.NewAccountAsync("two-factor", ct);
        using var web = account.CreateWebClient();
        var (key, recoveryCodes) = await EnableAuthenticatorAsync(web, ct);
        Assert.Equal(10, recoveryCodes.Count);
        await SignOutAsync(web, ct);

        var cookies = new CookieContainer();
        using var browser = await ClientAsync(cookies);
        using var password = await WebForm.PostAsync(browser, Login,
            new() { ["Input.Email"] = account.Email, ["Input.Password"] = WebAccount.Password, ["Input.RememberMe"] = "false" }, ct);
        Assert.Equal("/Identity/Account/LoginWith2fa", password.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Identity.Application");
        using var wrongCode = await WebForm.PostAsync(browser, "/Identity/Account/LoginWith2fa",
            new() { ["Input.TwoFactorCode"] = "000000", ["Input.RememberMachine"] = "false" }, ct);
        Assert.Contains("Invalid authenticator code", await wrongCode.Content.ReadAsStringAsync(ct));
        using var code = await WebForm.PostAsync(browser, "/Identity/Account/LoginWith2fa",
            new() { ["Input.TwoFactorCode"] = Code(key), ["Input.RememberMachine"] = "true" }, ct);
        Assert.Equal("/", code.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Identity.Application");

        // This browser is remembered: the password alone signs it in again.
        await SignOutAsync(browser, ct);
        using var again = await WebForm.PostAsync(browser, Login,
            new() { ["Input.Email"] = account.Email, ["Input.Password"] = WebAccount.Password, ["Input.RememberMe"] = "false" }, ct);
        Assert.Equal("/", again.RequestMessage!.RequestUri!.AbsolutePath);

        // Another browser needs a code, and a recovery code works once.
        using var other = await ClientAsync();
        using var otherPassword = await WebForm.PostAsync(other, Login,
            new() { ["Input.Email"] = account.Email, ["Input.Password"] = WebAccount.Password, ["Input.RememberMe"] = "false" }, ct);
        Assert.Equal("/Identity/Account/LoginWith2fa", otherPassword.RequestMessage!.RequestUri!.AbsolutePath);
        using var recovered = await WebForm.PostAsync(other, "/Identity/Account/LoginWithRecoveryCode", new() { ["Input.RecoveryCode"] = recoveryCodes[0] }, ct);
        Assert.Equal("/", recovered.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task In_a_browser_the_authenticator_is_set_up_from_its_qr_code_and_sign_in_then_asks_for_its_code()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (account, _) = await composition.NewAccountAsync("browser-two-factor", ct);
        var web = composition.App.GetEndpoint(CompositionResources.Web);
        await using var browser = await Browser.BrowserPage.OpenAsync(account);
        var page = browser.Page;
        await page.GotoAsync(new Uri(web, "/Identity/Account/Manage/EnableAuthenticator").ToString());
        // The QR code is an image the page itself carries, drawn under the site's content policy.
        Assert.True(await page.EvalOnSelectorAsync<bool>("#authenticator-qr", "img => img.complete && img.naturalWidth > 100"));
        var key = (await page.InnerTextAsync("#authenticator-key")).Replace(" ", "").ToUpperInvariant();
        await page.ScreenshotAsync(new() { Path = Browser.Screenshots.PathOf("two-factor-setup.png"), FullPage = true });
        await page.FillAsync("#Input_Code", Code(key));
        await page.ClickAsync("#send-code button[type=submit]");
        await page.WaitForURLAsync("**/Identity/Account/Manage/ShowRecoveryCodes");
        Assert.Equal(10, await page.Locator("code.recovery-code").CountAsync());

        await page.ClickAsync("#sign-out");
        await page.GotoAsync(new Uri(web, Login).ToString());
        await page.FillAsync("#Input_Email", account.Email);
        await page.FillAsync("#Input_Password", WebAccount.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/Identity/Account/LoginWith2fa**");
        await page.FillAsync("#Input_TwoFactorCode", Code(key));
        await page.ScreenshotAsync(new() { Path = Browser.Screenshots.PathOf("two-factor-sign-in.png"), FullPage = true });
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(new Uri(web, "/").ToString());
        Assert.Equal(account.Email, await page.InnerTextAsync("#signed-in-as"));
    }

    [Fact]
    public async Task An_admin_must_turn_on_two_factor_sign_in_and_then_reads_the_audit_trail_which_others_cannot()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        // What the trail should hold: an account's life, a token made and revoked, a run of it deleted by the admin,
        // its quota changed, failed and refused sign-ins.
        var (user, userToken) = await composition.NewAccountAsync("audited", ct);
        using var userApi = composition.CreateApiClient(userToken);
        var run = await new ExperimentsClient(userApi).StartAsync(ExperimentRequests.Tiny(seed: 2931), ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await userApi.GetAsync("/api/audit", ct)).StatusCode);
        using (var userWeb = user.CreateWebClient())
        {
            var tokens = await userWeb.GetStringAsync("/account/tokens", ct);
            var tokenId = TokenId().Match(tokens).Groups[1].Value;
            Assert.NotEmpty(tokenId);
            using var revoked = await WebForm.PostAsync(userWeb, $"/account/tokens?handler=Revoke&id={tokenId}", [], ct);
            Assert.True(revoked.IsSuccessStatusCode);
        }
        using (var guesser = await ClientAsync())
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await SignInAsync(guesser, user.Email, "Wrong-password-1", ct);
            }
        }

        var admin = await WebAccount.SignUpAsync(composition.App, AccountProtectionFixture.ProtectedAdminEmail, ct);
        using var adminWeb = admin.CreateWebClient();
        using (var home = await adminWeb.GetAsync("/", ct))
        {
            Assert.Equal("/Identity/Account/Manage/EnableAuthenticator", home.RequestMessage!.RequestUri!.AbsolutePath);
        }
        await EnableAuthenticatorAsync(adminWeb, ct);
        using (var home = await adminWeb.GetAsync("/", ct))
        {
            Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        }
        using var adminApi = composition.CreateApiClient(await admin.CreateTokenAsync("audit", ct));
        (await adminApi.PutAsJsonAsync($"/api/accounts/{Uri.EscapeDataString(user.Email)}/quota", new { maxActiveExperiments = 1, maxRunSecondsPerDay = 600 }, ct)).EnsureSuccessStatusCode();
        (await new ExperimentsClient(adminApi).DeleteAsync(run, ct)).EnsureSuccessStatusCode();

        var trail = await adminApi.GetFromJsonAsync<List<AuditEntry>>("/api/audit?limit=200", ct);
        string[] Of(string target) => [.. trail!.Where(e => e.Target == target).Select(e => e.Event)];
        Assert.Superset(new HashSet<string> { "account.created", "account.confirmed", "signin.succeeded", "signin.failed", "signin.locked-out",
            "token.created", "token.revoked" }, new HashSet<string>([.. Of(user.Email), .. trail!.Where(e => e.ActorName == user.Email).Select(e => e.Event)]));
        Assert.Superset(new HashSet<string> { "account.created", "role.granted", "two-factor.enabled" }, new HashSet<string>(Of(admin.Email)));
        var quota = Assert.Single(trail!, e => e.Event == "quota.changed");
        Assert.Equal((admin.Email, user.Email), (quota.ActorName, quota.Target));
        var deleted = Assert.Single(trail!, e => e.Event == "experiment.deleted-by-other");
        Assert.Equal((admin.Email, run.ToString()), (deleted.ActorName, deleted.Target));
        Assert.All(trail!, e => Assert.False(string.IsNullOrEmpty(e.ClientAddress)));
        Assert.Equal(trail!.Select(e => e.Id).OrderDescending(), trail!.Select(e => e.Id));

        // Filters, pages and bad queries.
        var failed = await adminApi.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?event=signin.failed&target={Uri.EscapeDataString(user.Email)}", ct);
        Assert.Equal(4, failed!.Count);
        using var firstPage = await adminApi.GetAsync("/api/audit?limit=2", ct);
        Assert.Equal(2, (await firstPage.Content.ReadFromJsonAsync<List<AuditEntry>>(ct))!.Count);
        var next = firstPage.Headers.GetValues("Link").Single();
        Assert.Matches(@"^</api/audit\?limit=2&before=\d+>; rel=""next""$", next);
        using var bad = await adminApi.GetAsync("/api/audit?event=no.such&from=yesterday&limit=0", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal(["event", "from", "limit"], errors.EnumerateObject().Select(p => p.Name).Order());

        // The web's page, for admins only.
        var page = await adminWeb.GetStringAsync("/admin/audit?event=quota.changed", ct);
        Assert.Contains("data-event=\"quota.changed\"", page);
        Assert.DoesNotContain("data-event=\"signin.failed\"", page);
        using var userWebAgain = user.CreateWebClient();
        using var refused = await userWebAgain.GetAsync("/admin/audit", ct);
        Assert.Equal("/Identity/Account/AccessDenied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("data-event", await refused.Content.ReadAsStringAsync(ct));
    }

    /// <summary>A web client from an address of 127.0.0.0/8 no other test of this class uses, connected to the web
    /// process itself: through the AppHost's proxy every client would come from 127.0.0.1.</summary>
    private async Task<HttpClient> ClientAsync(CookieContainer? cookies = null, bool followRedirects = true)
    {
        var web = Assert.Single(await composition.App.GetProcessIdsAsync(CompositionResources.Web));
        var url = new Uri(ProcessInspection.Environment(web)["ASPNETCORE_URLS"].Split(';')[0]);
        return new(LoopbackSource.Handler(IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref s_nextSource)}"), cookies, followRedirects))
        {
            BaseAddress = new UriBuilder(url) { Host = IPAddress.Loopback.ToString() }.Uri,
        };
    }

    private static async Task<(HttpStatusCode Status, string Page)> SignInAsync(HttpClient web, string email, string password, CancellationToken ct)
    {
        using var answer = await WebForm.PostAsync(web, Login,
            new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.RememberMe"] = "false" }, ct);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(ct));
    }

    private static async Task SignOutAsync(HttpClient web, CancellationToken ct)
    {
        using var signedOut = await WebForm.PostAsync(web, "/Identity/Account/Logout?returnUrl=%2F", [], ct);
        Assert.True(signedOut.IsSuccessStatusCode);
    }

    /// <summary>Turns on an authenticator app as its owner does: scans the page's key, confirms a code.</summary>
    /// <returns>The key the app holds, and the recovery codes the page then shows.</returns>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(HttpClient web, CancellationToken ct)
    {
        var setUp = await web.GetStringAsync("/Identity/Account/Manage/EnableAuthenticator", ct);
        Assert.Matches("id=\"authenticator-qr\"[^>]*src=\"data:image/png;base64,", setUp);
        var key = AuthenticatorKey().Match(setUp).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        using var confirmed = await WebForm.PostAsync(web, "/Identity/Account/Manage/EnableAuthenticator", new() { ["Input.Code"] = Code(key) }, ct);
        var page = await confirmed.Content.ReadAsStringAsync(ct);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        return (key, [.. RecoveryCode().Matches(page).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))]);
    }

    /// <summary>The code an authenticator app shows now for the key.</summary>
    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static bool IsOffSite(Uri? location) => location is { IsAbsoluteUri: true } || location?.OriginalString.StartsWith("//", StringComparison.Ordinal) == true
        || location?.OriginalString.StartsWith("/\\", StringComparison.Ordinal) == true;

    [GeneratedRegex("<kbd id=\"authenticator-key\">([^<]+)</kbd>")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<code class=\"recovery-code\">([^<]+)</code>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("[?;]id=([0-9a-f-]{36})")]
    private static partial Regex TokenId();
}
