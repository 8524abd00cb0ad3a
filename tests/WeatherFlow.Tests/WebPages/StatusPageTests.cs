using System.Net;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>Addresses the web has no page for still answer a real page, with its status and a way back.</summary>
[Collection(CompositionCollection.Name)]
public sealed class StatusPageTests(CompositionFixture composition)
{
    private readonly HttpClient _web = composition.CreateWebClient();

    [Theory]
    [InlineData("/nonexistent")]
    [InlineData("/experiments/not-an-id")]
    [InlineData("/experiments/0192f5a4-0000-7000-8000-000000000000")]
    public async Task An_unknown_path_or_experiment_answers_404_with_a_page_that_leads_back(string path)
    {
        using var response = await _web.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"h3\">Not found</h1>", page);
        Assert.Contains("href=\"/\"", page);
        Assert.Contains("href=\"/experiments/new\"", page);
    }
}
