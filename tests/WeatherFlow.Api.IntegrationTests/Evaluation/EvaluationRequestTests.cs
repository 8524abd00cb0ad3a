using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WeatherFlow.Api.IntegrationTests.Evaluation;

/// <summary>Lead times or score names that make no sense, refused naming the field.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvaluationRequestTests(ApiFixture api)
{
    [Theory]
    [InlineData("[7]")]
    [InlineData("[6, 6]")]
    [InlineData("[0]")]
    [InlineData("[6, 12, 18, 24, 30, 36, 42, 48, 54]")]
    public async Task Lead_times_that_are_not_whole_steps_or_too_many_get_422_at_evaluation_leadTimes(string leadTimes)
    {
        using var timeout = TestTimeout.Requests();
        using var client = api.CreateClient();
        using var response = await new ExperimentsClient(client).SubmitAsync(ExperimentRequests.Evaluated(8103, 32, leadTimes), respondAsync: true, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("\"leadTimes\"", body);
        Assert.Contains("\"evaluation\"", body);
    }

    [Theory]
    [InlineData("?sort=rmse:z@500", "sort")]
    [InlineData("?sort=loss:z@500:24h", "sort")]
    [InlineData("/aggregates?metric=skill:t@850:tomorrow", "metric")]
    public async Task A_malformed_score_in_the_history_gets_400_naming_the_parameter(string query, string parameter)
    {
        using var timeout = TestTimeout.Requests();
        using var client = api.CreateClient();
        using var response = await client.GetAsync($"{ExperimentsClient.Path}{query}", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }
}
