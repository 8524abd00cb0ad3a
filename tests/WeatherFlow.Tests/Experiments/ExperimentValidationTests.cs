using System.Net;
using System.Text;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Bad requests get the contract's 4xx answers, naming every failing field, and never a 500.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentValidationTests(CompositionFixture composition)
{
    private readonly HttpClient _api = composition.CreateApiClient();

    public static TheoryData<string, string, string[]> InvalidBodies => new()
    {
        { "malformed JSON", """{"dataset":""", ["json_invalid body.11"] },
        { "empty body", "", ["missing body"] },
        { "not an object", "[1]", ["model_attributes_type body"] },
        {
            "wrong types", """{"dataset":{"trainSamples":"many","variables":"t"},"training":{"epochs":"two"}}""",
            ["list_type body.dataset.variables", "int_parsing body.dataset.trainSamples", "int_parsing body.training.epochs"]
        },
        {
            "out of range", """{"dataset":{"trainSamples":1000,"gridSize":{"lat":2,"lon":7}},"training":{"learningRate":0}}""",
            ["greater_than_equal body.dataset.gridSize.lat", "value_error body.dataset.gridSize.lon", "less_than_equal body.dataset.trainSamples", "greater_than body.training.learningRate"]
        },
        { "unknown variable", """{"dataset":{"variables":["t","q"]}}""", ["value_error body.dataset.variables"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_body_gets_422_listing_every_failing_field(string name, string body, string[] expectedErrors)
    {
        using var response = await _api.PostAsync(ExperimentsClient.Path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {response.StatusCode}");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail");
        var errors = detail.EnumerateArray()
            .Select(e => $"{e.GetProperty("type").GetString()} {string.Join('.', e.GetProperty("loc").EnumerateArray().Select(l => l.ToString()))}");
        Assert.Equal(expectedErrors.Order(), errors.Order());
        Assert.All(detail.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("msg").GetString())));
    }

    [Fact]
    public async Task Unknown_variable_error_says_which_one()
    {
        using var response = await _api.PostAsync(ExperimentsClient.Path, new StringContent("""{"dataset":{"variables":["t","q"]}}""", Encoding.UTF8, "application/json"));

        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail")[0];
        Assert.Equal("Value error, Unsupported variable 'q'", error.GetProperty("msg").GetString());
    }

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
