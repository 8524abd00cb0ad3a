using System.Net;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>Bodies past the size limit and ids of no run get problem details, never a 500 (the contract's own 4xx
/// bodies are tested in WeatherFlow.Api.ContractTests).</summary>
[Collection(ApiCollection.Name)]
public sealed class ExperimentValidationTests(ApiFixture api)
{
    private readonly HttpClient _api = api.CreateClient();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ten_megabyte_body_gets_413_problem_details(bool chunked)
    {
        var body = $$$"""{"dataset":{"webdatasetCache":"{{{new string('x', 10 * 1024 * 1024)}}}"}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ExperimentsClient.Path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("GET", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc/events")]
    [InlineData("GET", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc/result")]
    [InlineData("GET", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc/metrics")]
    [InlineData("DELETE", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("POST", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc/cancel")]
    [InlineData("GET", "/api/experiments/not-an-id")]
    public async Task Unknown_experiment_gets_404_problem_details(string method, string path)
    {
        using var response = await _api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Experiment not found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }
}
