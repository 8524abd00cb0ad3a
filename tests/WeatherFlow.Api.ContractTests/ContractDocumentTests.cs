using System.Net;
using System.Text.Json.Nodes;

namespace WeatherFlow.Api.ContractTests;

/// <summary>The reference server's static answers, which its clients read byte for byte (EXPERIMENT-CONTRACT.md §2).</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractDocumentTests(ApiFixture api)
{
    /// <summary>The contract's "exact body" of <c>GET /api/options</c>.</summary>
    private const string ContractOptions =
        """
        {"variables":["t","z","u","v"],"pressureLevels":[1000,850,700,500,300,200],
         "gridSizes":[{"lat":16,"lon":32},{"lat":32,"lon":64}],
         "solverMethods":["dopri5","rk4","midpoint"],"lossTypes":["mse","huber","smooth_l1"],
         "simulationCores":["shallow-water","hydrostatic-3d","anelastic-3d"],
         "resolutionTiers":[
          {"name":"custom","lat":0,"lon":0,"verticalLevels":0,"timeStepSeconds":300,"description":"Use user-provided grid settings."},
          {"name":"global-low","lat":32,"lon":64,"verticalLevels":20,"timeStepSeconds":600,"description":"Coarse global coverage for overview maps."},
          {"name":"regional","lat":64,"lon":128,"verticalLevels":35,"timeStepSeconds":300,"description":"Mid-resolution nests for continental zooms."},
          {"name":"local-high","lat":96,"lon":192,"verticalLevels":40,"timeStepSeconds":120,"description":"High fidelity close to the player camera."}],
         "maxEpochs":6}
        """;

    private readonly HttpClient _api = api.CreateClient();

    [Fact]
    public async Task Health_answers_the_contracts_exact_body()
    {
        using var response = await _api.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Options_answers_the_contracts_document_with_its_keys_in_order()
    {
        using var response = await _api.GetAsync("/api/options");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = JsonNode.Parse(ContractOptions)!.ToJsonString();
        Assert.Equal(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
    }
}
