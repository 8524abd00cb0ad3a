using System.Net.Http.Json;
using System.Text.Json;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>The aggregates name their metric and grouping in the words the query takes, whether given or the defaults.</summary>
[Collection(ApiCollection.Name)]
public sealed class AggregateNamingTests(ApiFixture api)
{
    [Theory]
    [InlineData("", "validationLoss", "backbone")]
    [InlineData("&metric=meanSkill&by=hiddenDim", "meanSkill", "hiddenDim")]
    [InlineData("&metric=RUNTIME&by=TrainSamples", "runTime", "trainSamples")]
    [InlineData("&metric=skillClim:t@850:12h&by=epochs", "skillClim:t@850:12h", "epochs")]
    public async Task The_answer_names_the_metric_and_grouping_as_the_query_does(string query, string metric, string by)
    {
        using var timeout = TestTimeout.Requests();
        using var client = api.CreateClient();

        // A tag no run carries: the names come back even with no group to show.
        var tag = $"none-{Guid.NewGuid():N}"[..24];
        var answer = await client.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}/aggregates?tag={tag}{query}", timeout.Token);

        Assert.Equal((metric, by), (answer.GetProperty("metric").GetString(), answer.GetProperty("by").GetString()));
        Assert.Equal(0, answer.GetProperty("groups").GetArrayLength());
    }
}
