using System.Globalization;

namespace WeatherFlow.Api.Tests;

/// <summary>The api's two CSV downloads: per-epoch metrics and evaluation scores, as spreadsheets and pandas read
/// them whatever the server's culture.</summary>
public sealed class CsvWriterTests
{
    private const string MetricsHeader = "epoch,loss,flowLoss,divergenceLoss,rolloutLoss,energyDiff,valLoss,valFlowLoss,valDivergenceLoss,valRolloutLoss,valEnergyDiff";

    [Fact]
    public void Metrics_have_the_json_names_as_header_and_a_row_per_epoch_with_empty_cells_for_unmeasured_validation()
    {
        var csv = EpochMetricsCsv.Write([
            new EpochLosses(1, 0.9089791774749756, 0.72, 0, 0.628, 0.14, 7.819141864776611, 7.7, 0, 0.27, 0.15),
            new EpochLosses(2, 0.5, 0.4, 0, 0.3, 0.1, null, null, null, null, null),
        ]);

        Assert.Equal($"{MetricsHeader}\n1,0.9089791774749756,0.72,0,0.628,0.14,7.819141864776611,7.7,0,0.27,0.15\n2,0.5,0.4,0,0.3,0.1,,,,,\n", csv);
    }

    [Fact]
    public void No_epochs_is_the_header_alone() => Assert.Equal($"{MetricsHeader}\n", EpochMetricsCsv.Write([]));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(1e-300)]
    [InlineData(-123456789.123)]
    [InlineData(double.Epsilon)]
    public void Numbers_round_trip_exactly_in_the_invariant_culture_even_under_another(double value)
    {
        var csv = InCulture("de-DE", () => EpochMetricsCsv.Write([new EpochLosses(3, value, value, value, value, value, value, value, value, value, value)]));

        var cells = csv.Split('\n')[1].Split(',');
        Assert.Equal(11, cells.Length);
        Assert.All(cells[1..], cell => Assert.Equal(value, double.Parse(cell, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Scores_leave_missing_scores_empty_and_write_numbers_in_the_invariant_culture()
    {
        var evaluation = new EvaluationResult("test", 6, [6], [
            new LeadScore("t@500", 6, 1, 4, new ForecastScores(1.5, -0.25, null), new ForecastScores(3, 0, 0.5), new ForecastScores(4, 0, null), 0.5, null),
        ]);

        var rows = InCulture("fr-FR", () => ScoresCsv.Write(evaluation)).Split('\n');

        Assert.Equal("t@500,6,1,4,1.5,-0.25,,3,0,0.5,4,0,,0.5,", rows[1]);
        Assert.Equal(15, rows[0].Split(',').Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("u,odd", "\"u,odd\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void A_channel_name_that_could_break_a_row_is_quoted(string channel, string cell)
    {
        var evaluation = new EvaluationResult("test", 6, [6], [
            new LeadScore(channel, 6, 1, 4, new ForecastScores(1, 0, 1), new ForecastScores(1, 0, 1), new ForecastScores(1, 0, 1), 0, 0),
        ]);

        var csv = ScoresCsv.Write(evaluation);

        Assert.StartsWith(cell + ",6,", csv[(csv.IndexOf('\n') + 1)..]);
    }

    private static string InCulture(string name, Func<string> write)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
