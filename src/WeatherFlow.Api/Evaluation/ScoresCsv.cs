using System.Globalization;
using System.Text;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Api.Evaluation;

/// <summary>A run's evaluation as CSV, a row per channel × lead, every score of the JSON in columns.</summary>
public static class ScoresCsv
{
    private const string Header = "channel,lead_hours,steps,cases,model_rmse,model_bias,model_acc,persistence_rmse,persistence_bias,persistence_acc,"
        + "climatology_rmse,climatology_bias,climatology_acc,skill_vs_persistence,skill_vs_climatology";

    public static string Write(EvaluationResult evaluation)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var score in evaluation.Scores)
        {
            csv.AppendJoin(',', [Quoted(score.Channel), Number(score.LeadHours), Number(score.Steps), Number(score.Cases),
                .. Scores(score.Model), .. Scores(score.Persistence), .. Scores(score.Climatology),
                Number(score.SkillVsPersistence), Number(score.SkillVsClimatology)]).Append('\n');
        }
        return csv.ToString();
    }

    private static string[] Scores(ForecastScores scores) => [Number(scores.Rmse), Number(scores.Bias), Number(scores.Acc)];

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Channel names are the dataset's: quoted when they could break a row.</summary>
    private static string Quoted(string text) => text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";
}
