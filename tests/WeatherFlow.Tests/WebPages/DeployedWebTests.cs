using System.Net;

namespace WeatherFlow.Tests.WebPages;

/// <summary>The web as deployed behind Azure Container Apps' ingress, where TLS ends: a browser that came over HTTP is
/// sent to HTTPS, one that came over HTTPS (<c>X-Forwarded-Proto</c>) gets HSTS, and the orchestrator's probes over
/// plain HTTP are answered, not redirected. Without a GitHub app, the sign-in page offers no GitHub.</summary>
public sealed class DeployedWebTests(DeployedWebFixture web) : IClassFixture<DeployedWebFixture>
{
    private const string PublicHost = "weatherflow.example";

    private readonly HttpClient _web = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.Address };

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_on_the_same_address()
    {
        using var response = await SendAsync("/Identity/Account/Login?returnUrl=%2F", forwardedProto: null);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{PublicHost}/Identity/Account/Login?returnUrl=%2F"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HTTPS_at_the_ingress_answers_the_page_with_HSTS()
    {
        using var response = await SendAsync("/Identity/Account/Login", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_liveness_probe_over_plain_HTTP_is_answered()
    {
        using var response = await SendAsync("/alive", forwardedProto: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_GitHub_app_the_sign_in_page_offers_no_GitHub()
    {
        using var response = await SendAsync("/Identity/Account/Login", forwardedProto: "https");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There are no external authentication services configured", page);
        Assert.DoesNotContain("value=\"GitHub\"", page);
    }

    private Task<HttpResponseMessage> SendAsync(string path, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        return _web.SendAsync(request);
    }
}
