using System.Net;
using WeatherFlow.Tests.Browser;
using WeatherFlow.Tests.Experiments;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>The web's pages carry a script-tight Content-Security-Policy and the other security headers, work under
/// it in a real browser, and print what users type as text.</summary>
[Collection(CompositionCollection.Name)]
public sealed class SecurityHeadersTests(CompositionFixture composition)
{
    private readonly HttpClient _web = composition.CreateWebClient();
    private readonly HttpClient _api = composition.CreateApiClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/experiments/new")]
    [InlineData("/experiments/aggregates")]
    [InlineData("/nonexistent")]
    public async Task Every_page_carries_the_security_headers(string path)
    {
        using var response = await _web.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single(), ignoreCase: true);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/experiments/new")]
    [InlineData("/experiments/0192f5a4-0000-7000-8000-000000000000?handler=Labels")]
    [InlineData("/experiments/0192f5a4-0000-7000-8000-000000000000/delete")]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_with_a_page(string path)
    {
        using var response = await _web.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("Form.Epochs", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 class=\"h3\">Bad request</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task What_users_type_is_shown_as_text_and_the_pages_run_under_the_policy_in_a_browser()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        const string name = "<img src=x onerror=alert(1)>";
        var tag = $"xss-{Guid.NewGuid():N}"[..12];
        var first = await experiments.StartAsync($$"""{"name":"{{name}}","tags":["{{tag}}"],"note":"<script>alert(2)</script>",{{ExperimentRequests.Tiny(seed: 2101).TrimStart()[1..]}}""", timeout.Token);
        var second = await experiments.StartAsync($$"""{"tags":["{{tag}}"],{{ExperimentRequests.Tiny(seed: 2102).TrimStart()[1..]}}""", timeout.Token);
        await experiments.WaitForFinalStateAsync(first, timeout.Token);
        await experiments.WaitForFinalStateAsync(second, timeout.Token);

        foreach (var path in new[] { $"/?tag={tag}", $"/experiments/{first}", $"/experiments/compare?id={first}&id={second}" })
        {
            var html = await _web.GetStringAsync(path, timeout.Token);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
            Assert.DoesNotContain(name, html);
            Assert.DoesNotContain("<script>alert(2)</script>", html);
        }

        await using var browser = await BrowserPage.OpenAsync(composition.Admin);
        var violations = new List<string>();
        browser.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy"))
            {
                violations.Add(message.Text);
            }
        };
        var dialogs = 0;
        browser.Page.Dialog += (_, dialog) => dialogs++;
        var web = composition.App.GetEndpoint(CompositionResources.Web);
        foreach (var path in new[] { "/", $"/?tag={tag}", "/experiments/new", $"/experiments/{first}", $"/experiments/compare?id={first}&id={second}", "/experiments/aggregates" })
        {
            var response = await browser.Page.GotoAsync(new Uri(web, path).ToString());
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        }
        Assert.Empty(violations);
        Assert.Equal(0, dialogs);
    }
}
