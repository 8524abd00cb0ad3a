namespace WeatherFlow.Api.Tests;

/// <summary>What the compare view shows as differing between runs' configs, and each channel's scores per run.</summary>
public sealed class ConfigDifferencesTests
{
    [Fact]
    public void Only_the_leaves_that_differ_are_listed_with_each_runs_value_in_run_order()
    {
        var differences = ConfigDifferences.Between([
            """{"dataset":{"variables":["t"],"gridSize":{"lat":8,"lon":16}},"model":{"hiddenDim":32},"training":{"seed":1}}""",
            """{"dataset":{"variables":["t"],"gridSize":{"lat":8,"lon":32}},"model":{"hiddenDim":48},"training":{"seed":1}}""",
            """{"dataset":{"variables":["t"],"gridSize":{"lat":8,"lon":16}},"model":{"hiddenDim":64},"training":{"seed":1}}""",
        ]);

        Assert.Equal(["dataset.gridSize.lon", "model.hiddenDim"], differences.Select(difference => difference.Path));
        Assert.Equal(["16", "32", "16"], Values(differences[0]));
        Assert.Equal(["32", "48", "64"], Values(differences[1]));
    }

    [Fact]
    public void A_list_is_one_value_compared_whole()
    {
        var differences = ConfigDifferences.Between(["""{"variables":["t","z"]}""", """{"variables":["z","t"]}""", """{"variables":["t","z"]}"""]);

        var difference = Assert.Single(differences);
        Assert.Equal("variables", difference.Path);
        Assert.Equal(["[\"t\",\"z\"]", "[\"z\",\"t\"]", "[\"t\",\"z\"]"], Values(difference));
    }

    [Fact]
    public void A_field_only_one_run_has_differs_and_the_others_have_no_value()
    {
        var difference = Assert.Single(ConfigDifferences.Between(["""{"model":{"backbone":"grid"}}""", """{"model":{"backbone":"grid","windowSize":4}}"""]));

        Assert.Equal("model.windowSize", difference.Path);
        Assert.Equal(["(none)", "4"], Values(difference));
    }

    [Fact]
    public void A_null_and_a_missing_field_differ_and_values_of_other_types_differ()
    {
        var differences = ConfigDifferences.Between(["""{"a":null,"b":1,"c":{"d":1}}""", """{"b":"1","c":1}"""]);

        Assert.Equal(["a", "b", "c.d", "c"], differences.Select(difference => difference.Path));
        Assert.Equal(["null", "(none)"], Values(differences[0]));
        Assert.Equal(["1", "\"1\""], Values(differences[1]));
    }

    [Fact]
    public void Identical_configs_have_no_differences() =>
        Assert.Empty(ConfigDifferences.Between(["""{"a":{"b":[1,2]},"c":"x"}""", """{"c":"x","a":{"b":[1,2]}}"""]));

    [Fact]
    public void Channels_are_scored_per_run_and_a_run_without_a_channel_or_a_result_has_no_score()
    {
        var channels = ChannelScores.Compare([
            Result(("t@500", 1.0, 2.0, 0.5, 0.9), ("z@500", 3.0, 3.0, 0.0, null)),
            null,
            Result(("t@500", 1.5, 2.0, 0.25, null)),
        ]);

        Assert.Equal(["t@500", "z@500"], channels.Select(channel => channel.Name));
        Assert.Equal([new ChannelScore(1.0, 2.0, 0.5, 0.9), null, new ChannelScore(1.5, 2.0, 0.25, null)], channels[0].Scores);
        Assert.Equal([new ChannelScore(3.0, 3.0, 0.0, null), null, null], channels[1].Scores);
    }

    /// <summary>Each run's value as JSON text, "(none)" for a run without the field.</summary>
    private static string[] Values(ConfigDifference difference) => [.. difference.Values.Select(value => value?.GetRawText() ?? "(none)")];

    /// <summary>A result document with only its prediction's channel scores, and fields the comparison must skip.</summary>
    private static string Result(params (string Name, double Rmse, double BaselineRmse, double? Skill, double? Acc)[] channels) =>
        JsonSerializer.Serialize(new
        {
            prediction = new
            {
                channels = channels.Select(c => new { name = c.Name, initial = new[] { new[] { 1.0 } }, rmse = c.Rmse, baselineRmse = c.BaselineRmse, skill = c.Skill, acc = c.Acc }),
            },
        });
}
