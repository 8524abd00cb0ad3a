namespace WeatherFlow.Api.Tests;

/// <summary>The compare scorecard and the scores CSV, from evaluations made up for the purpose.</summary>
public sealed class ScorecardTests
{
    private static readonly Guid Reference = Guid.NewGuid();
    private static readonly Guid Better = Guid.NewGuid();
    private static readonly Guid Partial = Guid.NewGuid();

    [Fact]
    public void Each_run_is_compared_with_the_reference_on_the_targets_all_share_and_the_note_says_what_was_left_out()
    {
        var reference = Evaluation(("t", 6, 1.0), ("t", 12, 2.0), ("z", 6, 10.0), ("z", 12, 20.0));
        var better = Evaluation(("t", 6, 0.5), ("t", 12, 2.2), ("z", 6, 9.0), ("z", 12, 19.0));
        var partial = Evaluation(("t", 6, 1.1), ("t", 12, 1.0));
        var card = Scorecards.Build([(Reference, "ref", reference), (Better, "better", better), (Partial, "partial", partial), (Guid.NewGuid(), "old", null)], Reference)!;

        Assert.Equal(["t"], card.Channels);
        Assert.Equal([6.0, 12.0], card.LeadTimes);
        var betterRun = card.Runs.Single(run => run.Id == Better);
        Assert.Equal((1, 2), (betterRun.BetterOn, betterRun.Targets));
        Assert.Equal(-50, betterRun.Cells![0].PercentDifference, 9);
        Assert.Equal(10, betterRun.Cells[1].PercentDifference, 9);
        var partialRun = card.Runs.Single(run => run.Id == Partial);
        Assert.Equal((1, 2), (partialRun.BetterOn, partialRun.Targets));
        Assert.Null(card.Runs.Single(run => run.Id == Reference).Cells);
        Assert.Contains("no evaluation in old", card.Note);
        Assert.Contains("only the 2 of 4", card.Note);
    }

    [Fact]
    public void A_reference_without_an_evaluation_gives_no_scorecard() =>
        Assert.Null(Scorecards.Build([(Reference, "ref", null), (Better, "better", Evaluation(("t", 6, 1.0)))], Reference));

    [Fact]
    public void The_CSV_has_a_row_per_channel_and_lead_with_every_score()
    {
        var csv = ScoresCsv.Write(Evaluation(("t", 6, 1.5), ("u,odd", 12, 2.5))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("channel,lead_hours,steps,cases,model_rmse", csv[0]);
        Assert.Equal("t,6,1,4,1.5,0.1,0.9,3,0,0.5,4,0,0,0.5,0.625", csv[1]);
        Assert.StartsWith("\"u,odd\",12,", csv[2]);
    }

    private static EvaluationResult Evaluation(params (string Channel, double Lead, double Rmse)[] scores) => new("test", 6, [6, 12],
        [.. scores.Select(score => new LeadScore(score.Channel, score.Lead, (int)(score.Lead / 6), 4, new ForecastScores(score.Rmse, 0.1, 0.9),
            new ForecastScores(3, 0, 0.5), new ForecastScores(4, 0, 0), 1 - score.Rmse / 3, 1 - score.Rmse / 4))]);
}
