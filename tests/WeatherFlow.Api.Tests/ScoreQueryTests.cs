namespace WeatherFlow.Api.Tests;

/// <summary>The history's score syntax (<c>metric:channel:lead</c>) as the sort and metric parameters read it, without a server.</summary>
public sealed class ScoreQueryTests
{
    [Theory]
    [InlineData("rmse:z@500:24h", ScoreMetric.Rmse, "z@500", 24)]
    [InlineData("SKILL:t@850:12h", ScoreMetric.Skill, "t@850", 12)]
    [InlineData("skillClim:u:6", ScoreMetric.ClimatologySkill, "u", 6)]
    [InlineData("acc:v@500:7.5h", ScoreMetric.Acc, "v@500", 7.5)]
    public void A_score_is_metric_channel_and_lead(string text, ScoreMetric metric, string channel, double lead)
    {
        var (key, problem) = ScoreKey.Parse(text);
        Assert.Null(problem);
        Assert.Equal(new ScoreKey(metric, channel, lead), key);
    }

    [Theory]
    [InlineData("rmse:z@500", "metric:channel:lead")]
    [InlineData("mse:z@500:24h", "metric must be one of")]
    [InlineData("rmse::24h", "channel")]
    [InlineData("rmse:z 500:24h", "channel")]
    [InlineData("rmse:z@500:-6h", "lead")]
    [InlineData("rmse:z@500:soon", "lead")]
    [InlineData("rmse:z@500:9999h", "lead")]
    public void A_malformed_score_says_which_part_is_wrong(string text, string named)
    {
        var (key, problem) = ScoreKey.Parse(text);
        Assert.Null(key);
        Assert.Contains(named, problem);
    }

    [Fact]
    public void Sorting_by_a_score_lists_the_best_first_and_its_cursor_names_the_score()
    {
        var parser = new HistoryQueryParser(new ExperimentsOptions());
        var byRmse = parser.Page(new HistoryParameters(), new HistoryPageParameters(Sort: "rmse:z@500:24h"))!;
        Assert.Equal((HistorySort.Score, false), (byRmse.Sort, byRmse.Descending));
        var bySkill = parser.Page(new HistoryParameters(), new HistoryPageParameters(Sort: "skill:z@500:24h"))!;
        Assert.True(bySkill.Descending);

        var cursor = new HistoryCursor(HistorySort.Score, false, 1.5, Guid.NewGuid(), "rmse:z@500:24h").Encode();
        Assert.Equal("rmse:z@500:24h", HistoryCursor.Decode(cursor)!.Score);
        var otherScore = new HistoryQueryParser(new ExperimentsOptions());
        Assert.Null(otherScore.Page(new HistoryParameters(), new HistoryPageParameters(Sort: "rmse:t:24h", Cursor: cursor)));
        Assert.Contains("cursor", otherScore.Errors.Keys);
    }

    [Theory]
    [InlineData("sort", "rmse:z@500")]
    [InlineData("sort", "loss:z@500:24h")]
    [InlineData("metric", "acc:t:never")]
    public void A_bad_score_in_sort_or_metric_is_one_error_naming_the_parameter(string parameter, string value)
    {
        var parser = new HistoryQueryParser(new ExperimentsOptions());
        var refused = parameter == "sort"
            ? parser.Page(new HistoryParameters(), new HistoryPageParameters(Sort: value)) is null
            : parser.Aggregate(new HistoryParameters(), new AggregateParameters(Metric: value)) is null;
        Assert.True(refused);
        var message = Assert.Single(Assert.Single(parser.Errors, error => error.Key == parameter).Value);
        Assert.StartsWith($"{parameter}: ", message);
    }
}
