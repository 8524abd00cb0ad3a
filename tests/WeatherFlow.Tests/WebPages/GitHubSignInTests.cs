using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>With a GitHub OAuth app configured on the AppHost (the composition's made-up one), Identity UI's sign-in
/// page offers GitHub, and its button sends the browser to GitHub's authorize page for that app, to come back to the
/// web. No request reaches GitHub.</summary>
[Collection(CompositionCollection.Name)]
public sealed partial class GitHubSignInTests(CompositionFixture composition)
{
    [Fact]
    public async Task The_sign_in_page_offers_GitHub_and_its_button_redirects_to_GitHub_for_the_configured_app()
    {
        var web = composition.App.GetEndpoint(CompositionResources.Web);
        // A browser's view: the antiforgery cookie kept between the page and its form's post, redirects not followed.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = web };

        var page = await browser.GetStringAsync("/Identity/Account/Login");
        var form = ExternalLoginForm().Match(page);
        Assert.True(form.Success, "no external sign-in form on the page");
        Assert.Contains("""<button type="submit" class="btn btn-primary" name="provider" value="GitHub" """, form.Value);

        using var challenge = await browser.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent([
            KeyValuePair.Create("provider", "GitHub"),
            KeyValuePair.Create("__RequestVerificationToken", form.Groups["token"].Value)]));

        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal("https://github.com/login/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(CompositionFixture.GitHubClientId, query["client_id"]);
        Assert.Equal(new Uri(web, "/callback/login/github"), new Uri(query["redirect_uri"]!));
        Assert.Equal("code", query["response_type"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [GeneratedRegex("""<form id="external-account"[^>]*action="(?<action>[^"]+)".*?name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex ExternalLoginForm();
}
