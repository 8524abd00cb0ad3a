using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>The api describes itself: an OpenAPI document generated from the endpoints, and the docs page.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiDocumentTests(ApiFixture api)
{
    private readonly HttpClient _api = api.CreateClient();

    /// <summary>Every endpoint the api maps (ContractApi, ExperimentsApi, ExperimentHistoryApi, ExperimentModelsApi, PredictionsApi, AccountApi, AuditApi and DatasetsApi), as method and path.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/health" },
        { "GET", "/api/options" },
        { "POST", "/api/experiments" },
        { "GET", "/api/experiments" },
        { "GET", "/api/experiments/aggregates" },
        { "GET", "/api/experiments/compare" },
        { "PATCH", "/api/experiments/{id}" },
        { "GET", "/api/experiments/{id}" },
        { "GET", "/api/experiments/{id}/result" },
        { "GET", "/api/experiments/{id}/metrics" },
        { "GET", "/api/experiments/{id}/metrics.csv" },
        { "GET", "/api/experiments/{id}/events" },
        { "GET", "/api/experiments/{id}/scores" },
        { "GET", "/api/experiments/{id}/scores.csv" },
        { "DELETE", "/api/experiments/{id}" },
        { "POST", "/api/experiments/{id}/cancel" },
        { "GET", "/api/experiments/{id}/model" },
        { "GET", "/api/experiments/{id}/model/metadata" },
        { "POST", "/api/experiments/{id}/predictions" },
        { "GET", "/api/experiments/{id}/predictions/{predictionId}" },
        { "POST", "/api/experiments/{id}/predictions/{predictionId}/cancel" },
        { "GET", "/api/me" },
        { "GET", "/api/me/quota" },
        { "GET", "/api/accounts/{id}/quota" },
        { "PUT", "/api/accounts/{id}/quota" },
        { "GET", "/api/audit" },
        { "GET", "/api/datasets" },
        { "POST", "/api/datasets" },
        { "GET", "/api/datasets/{id}" },
        { "GET", "/api/datasets/{id}/steps/{step}" },
        { "DELETE", "/api/datasets/{id}" },
    };

    [Fact]
    public async Task The_document_is_valid_openapi_and_lists_exactly_the_mapped_endpoints_with_their_answers()
    {
        await using var stream = await _api.GetStreamAsync("/openapi/v1.json");
        var read = await OpenApiDocument.LoadAsync(stream);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = Assert.IsType<OpenApiDocument>(read.Document);
        var operations = document.Paths
            .SelectMany(path => (path.Value.Operations ?? []).Select(operation => (Method: operation.Key.Method, Path: path.Key.TrimEnd('/'), Operation: operation.Value)))
            .ToList();
        Assert.Equal(
            Endpoints.Select(row => ((string)row[0], (string)row[1])).Order(),
            operations.Select(operation => (operation.Method, operation.Path)).Order());
        Assert.All(operations, operation => Assert.NotEmpty(operation.Operation.Responses ?? []));
        var submit = operations.Single(operation => operation is { Method: "POST", Path: "/api/experiments" }).Operation;
        Assert.Contains("422", submit.Responses!.Keys);
        var list = operations.Single(operation => operation is { Method: "GET", Path: "/api/experiments" }).Operation;
        Assert.Equal(
            ["q", "status", "backbone", "variable", "tag", "from", "to", "sort", "order", "limit", "cursor"],
            (list.Parameters ?? []).Select(parameter => parameter.Name));
        Assert.All(list.Parameters!, parameter => Assert.False(string.IsNullOrEmpty(parameter.Description), parameter.Name));
        Assert.Contains("400", list.Responses!.Keys);
    }

    [Fact]
    public async Task Docs_leads_to_the_interactive_reference_of_the_document()
    {
        using var docs = await _api.GetAsync("/docs");
        var reference = docs.RequestMessage!.RequestUri!;

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("/scalar", reference.AbsolutePath.TrimEnd('/'));
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", await docs.Content.ReadAsStringAsync());
        using var script = await _api.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
