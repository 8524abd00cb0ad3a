using System.Net;

namespace WeatherFlow.Api.ContractTests;

/// <summary>The reference server's cross-cutting HTTP answers (EXPERIMENT-CONTRACT.md §2): FastAPI's bodies for unknown
/// paths and methods, and its CORS policy for exactly three origins.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractHttpTests(ApiFixture api)
{
    private readonly HttpClient _anonymous = api.CreateClient(token: null);

    [Fact]
    public async Task An_unknown_path_answers_404_not_found_and_a_wrong_method_405()
    {
        using var unknown = await _anonymous.GetAsync("/api/no-such-thing");
        using var wrongMethod = await _anonymous.PutAsync("/api/options", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("""{"detail":"Method Not Allowed"}""", await wrongMethod.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://monksealseal.github.io")]
    [InlineData("http://localhost:5173")]
    [InlineData("http://localhost:3000")]
    public async Task A_preflight_from_an_allowed_origin_answers_200_ok_with_credentials_for_ten_minutes(string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/experiments");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await _anonymous.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
        Assert.Equal("600", Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")));
    }

    [Fact]
    public async Task Another_origin_gets_no_allow_origin_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/options");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
