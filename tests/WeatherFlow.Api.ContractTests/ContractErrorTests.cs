using System.Net;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.Api.ContractTests;

/// <summary>The reference server's error bodies that its clients read (EXPERIMENT-CONTRACT.md §2): FastAPI's 422 items
/// naming every failing field, and its 400 for a body that is not UTF-8; neither runs anything.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractErrorTests(ApiFixture api)
{
    private readonly HttpClient _api = api.CreateClient();

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

    public static TheoryData<string, byte[]> UndecodableBodies => new()
    {
        { "invalid byte in a string", Body("{\"dataset\":{\"variables\":[\"", [0xFF], "\"]}}") },
        { "overlong encoding of '/'", Body("{\"dataset\":{\"webdatasetCache\":\"", [0xC0, 0xAF], "\"}}") },
        { "truncated sequence", Body("{\"training\":{\"seed\":1},\"x\":\"", [0xE2, 0x82], "\"}") },
    };

    private static byte[] Body(string before, byte[] undecodable, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. undecodable, .. Encoding.UTF8.GetBytes(after)];

    [Theory]
    [MemberData(nameof(UndecodableBodies))]
    public async Task Undecodable_bytes_get_the_references_400(string name, byte[] body)
    {
        var newest = await NewestExperimentAsync();
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
        using var response = await _api.PostAsync(ExperimentsClient.Path, content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        Assert.Equal("""{"detail":"There was an error parsing the body"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(newest, await NewestExperimentAsync());
    }

    [Fact]
    public async Task Lone_surrogate_escape_gets_422_json_invalid()
    {
        using var response = await _api.PostAsync(ExperimentsClient.Path,
            new StringContent("""{"dataset":{"variables":["\ud800"]}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail")[0];
        Assert.Equal("json_invalid", error.GetProperty("type").GetString());
        Assert.Equal("JSON decode error", error.GetProperty("msg").GetString());
    }

    private async Task<string?> NewestExperimentAsync()
    {
        using var list = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}?limit=1"));
        return list.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).FirstOrDefault();
    }
}
