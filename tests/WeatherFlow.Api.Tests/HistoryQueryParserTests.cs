namespace WeatherFlow.Api.Tests;

/// <summary>The history's query string as <see cref="HistoryQueryParser"/> reads it: defaults, every parameter's
/// rules, and all problems reported at once under their parameters.</summary>
public sealed class HistoryQueryParserTests
{
    private static HistoryQueryParser Parser() => new(new ExperimentsOptions { DefaultListLimit = 20, MaxListLimit = 200 });

    [Fact]
    public void No_parameters_give_the_newest_first_default_page_of_everything()
    {
        var page = Parser().Page(new HistoryParameters(), new HistoryPageParameters())!;

        Assert.Equal((HistorySort.Submitted, true, 20), (page.Sort, page.Descending, page.Limit));
        Assert.Null(page.After);
        Assert.Null(page.Score);
        var filter = page.Filter;
        Assert.Null(filter.Text);
        Assert.Null(filter.SubmittedFrom ?? filter.SubmittedBefore);
        Assert.All((IReadOnlyList<string>[])[filter.Statuses, filter.Backbones, filter.Variables, filter.Tags], Assert.Empty);
    }

    [Theory]
    [InlineData("runTime", null, false)]
    [InlineData("validationLoss", null, false)]
    [InlineData("MEANSKILL", null, true)]
    [InlineData("submitted", "asc", false)]
    [InlineData("meanSkill", "asc", false)]
    [InlineData("runTime", "desc", true)]
    public void Each_sort_has_its_natural_order_unless_asked_otherwise(string sort, string? order, bool descending)
    {
        var page = Parser().Page(new HistoryParameters(), new HistoryPageParameters(Sort: sort, Order: order))!;

        Assert.Equal(descending, page.Descending);
    }

    [Fact]
    public void Values_repeat_or_come_comma_separated_trimmed_and_once_each()
    {
        var page = Parser().Page(
            new HistoryParameters(Status: ["completed, failed", "completed"], Backbone: ["grid"], Variable: ["t,z", ""], Tag: [" Study-1 ,study-1", "B"]),
            new HistoryPageParameters())!;

        Assert.Equal(["completed", "failed"], page.Filter.Statuses);
        Assert.Equal(["grid"], page.Filter.Backbones);
        Assert.Equal(["t", "z"], page.Filter.Variables);
        Assert.Equal(["study-1", "b"], page.Filter.Tags);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_text_is_no_filter()
    {
        Assert.Equal("storm", Parser().Page(new HistoryParameters(Q: "  storm "), new HistoryPageParameters())!.Filter.Text);
        Assert.Null(Parser().Page(new HistoryParameters(Q: "   "), new HistoryPageParameters())!.Filter.Text);
    }

    [Fact]
    public void A_date_alone_covers_that_whole_day_and_a_time_is_taken_as_given_in_utc()
    {
        var days = Parser().Page(new HistoryParameters(From: "2026-12-01", To: "2026-12-01"), new HistoryPageParameters())!.Filter;
        Assert.Equal((Utc(2026, 12, 1), Utc(2026, 12, 2)), (days.SubmittedFrom, days.SubmittedBefore));

        var times = Parser().Page(new HistoryParameters(From: "2026-12-01T08:30:00+02:00", To: "2026-12-01T12:00:00"), new HistoryPageParameters())!.Filter;
        Assert.Equal((Utc(2026, 12, 1, 6, 30), Utc(2026, 12, 1, 12)), (times.SubmittedFrom, times.SubmittedBefore));
    }

    [Theory]
    [InlineData("2026-12-02", "2026-12-01T23:59:59Z")]
    [InlineData("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z")]
    public void To_must_be_later_than_from(string from, string to)
    {
        var parser = Parser();

        Assert.Null(parser.Page(new HistoryParameters(From: from, To: to), new HistoryPageParameters()));
        Assert.Equal(["to must be later than from."], parser.Errors["to"]);
    }

    [Fact]
    public void Text_may_be_at_most_200_characters()
    {
        Assert.NotNull(Parser().Page(new HistoryParameters(Q: new string('x', 200)), new HistoryPageParameters()));
        var parser = Parser();

        Assert.Null(parser.Page(new HistoryParameters(Q: new string('x', 201)), new HistoryPageParameters()));
        Assert.Equal(["q must be at most 200 characters."], parser.Errors["q"]);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("200", 200)]
    [InlineData("0", null)]
    [InlineData("201", null)]
    [InlineData("-1", null)]
    [InlineData("+5", null)]
    [InlineData(" 5", null)]
    [InlineData("1.5", null)]
    [InlineData("1e2", null)]
    [InlineData("abc", null)]
    public void A_limit_is_a_plain_whole_number_from_1_to_the_maximum(string limit, int? expected)
    {
        var parser = Parser();

        var page = parser.Page(new HistoryParameters(), new HistoryPageParameters(Limit: limit));

        Assert.Equal(expected, page?.Limit);
        if (expected is null)
        {
            Assert.Equal([$"limit must be a whole number from 1 to 200; got '{limit}'."], parser.Errors["limit"]);
        }
    }

    [Fact]
    public void Every_bad_parameter_is_reported_under_its_name_in_one_go()
    {
        var parser = Parser();

        var page = parser.Page(
            new HistoryParameters(Status: ["done"], Backbone: ["mesh"], Variable: ["w"], Tag: ["a b"], From: "yesterday", To: "soon"),
            new HistoryPageParameters(Sort: "speed", Order: "up", Limit: "0", Cursor: "nonsense!"));

        Assert.Null(page);
        Assert.Equal(["backbone", "cursor", "from", "limit", "order", "sort", "status", "tag", "to", "variable"], parser.Errors.Keys.Order());
        Assert.Equal("status must be one of queued, running, completed, failed, cancelled; got 'done'.", Assert.Single(parser.Errors["status"]));
        Assert.Equal("sort must be one of submitted, runTime, validationLoss, meanSkill; got 'speed'.", Assert.Single(parser.Errors["sort"]));
        Assert.Equal("order must be asc or desc; got 'up'.", Assert.Single(parser.Errors["order"]));
        Assert.StartsWith("from must be an ISO 8601 date or time", Assert.Single(parser.Errors["from"]));
        Assert.EndsWith("got 'yesterday'.", parser.Errors["from"][0]);
        Assert.StartsWith("tag 'a b' must be 1 to 32 letters", Assert.Single(parser.Errors["tag"]));
    }

    [Fact]
    public void More_than_ten_tags_are_refused()
    {
        var parser = Parser();

        Assert.Null(parser.Page(new HistoryParameters(Tag: [string.Join(',', Enumerable.Range(1, 11).Select(i => $"t{i}"))]), new HistoryPageParameters()));
        Assert.Equal(["at most 10 tags are allowed."], parser.Errors["tag"]);
    }

    [Fact]
    public void A_cursor_handed_out_for_the_same_sort_and_order_is_where_the_page_starts()
    {
        var cursor = new HistoryCursor(HistorySort.ValidationLoss, false, 0.25, Guid.NewGuid());

        var page = Parser().Page(new HistoryParameters(), new HistoryPageParameters(Sort: "validationLoss", Cursor: cursor.Encode()))!;

        Assert.Equal(cursor, page.After);
    }

    [Theory]
    [InlineData("validationLoss", "desc")]
    [InlineData("runTime", null)]
    [InlineData(null, null)]
    public void A_cursor_of_another_sort_or_order_is_refused(string? sort, string? order)
    {
        var parser = Parser();
        var cursor = new HistoryCursor(HistorySort.ValidationLoss, false, 0.25, Guid.NewGuid()).Encode();

        Assert.Null(parser.Page(new HistoryParameters(), new HistoryPageParameters(Sort: sort, Order: order, Cursor: cursor)));
        Assert.Equal(["cursor belongs to another sort or order; keep sort and order as they were for the previous page."], parser.Errors["cursor"]);
    }

    [Fact]
    public void Aggregates_default_to_validation_loss_by_backbone_and_name_bad_choices()
    {
        var aggregate = Parser().Aggregate(new HistoryParameters(Tag: ["x"]), new AggregateParameters())!;
        Assert.Equal((HistorySort.ValidationLoss, HistoryGrouping.Backbone, null), (aggregate.Metric, aggregate.By, aggregate.Score));
        Assert.Equal(["x"], aggregate.Filter.Tags);

        var byEpochs = Parser().Aggregate(new HistoryParameters(), new AggregateParameters(Metric: "meanskill", By: "Epochs"))!;
        Assert.Equal((HistorySort.MeanSkill, HistoryGrouping.Epochs), (byEpochs.Metric, byEpochs.By));

        var parser = Parser();
        Assert.Null(parser.Aggregate(new HistoryParameters(), new AggregateParameters(Metric: "submitted", By: "colour")));
        Assert.Equal("metric must be one of validationLoss, meanSkill, runTime; got 'submitted'.", Assert.Single(parser.Errors["metric"]));
        Assert.Equal("by must be one of backbone, hiddenDim, trainSamples, epochs; got 'colour'.", Assert.Single(parser.Errors["by"]));
    }

    [Fact]
    public void A_score_metric_aggregates_that_score()
    {
        var aggregate = Parser().Aggregate(new HistoryParameters(), new AggregateParameters(Metric: "skill:t@850:12h", By: "hiddenDim"))!;

        Assert.Equal((HistorySort.Score, new ScoreKey(ScoreMetric.Skill, "t@850", 12)), (aggregate.Metric, aggregate.Score));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
