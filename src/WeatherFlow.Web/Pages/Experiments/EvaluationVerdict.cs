using System.Globalization;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>
/// A run's evaluation against one baseline in a sentence: on how many channel × lead targets the model beats it, and
/// where it loses, worst first, so the reader learns the gist without reading the whole scorecard.
/// </summary>
public static class EvaluationVerdict
{
    private const int LossesNamed = 3;

    /// <param name="baseline">How the sentence names the baseline, e.g. "persistence".</param>
    /// <param name="skillOf">The model's skill against that baseline; null where it has none (a baseline RMSE of 0).</param>
    public static string Of(IReadOnlyList<LeadScore> scores, string baseline, Func<LeadScore, double?> skillOf)
    {
        var skilled = scores.Where(score => skillOf(score) is not null).ToList();
        if (skilled.Count == 0)
        {
            return $"No target has a skill against {baseline}.";
        }
        var wins = skilled.Count(score => skillOf(score) > 0);
        var losses = skilled.Where(score => skillOf(score) < 0).OrderBy(skillOf).Select(Target).ToList();
        var sentence = $"Beats {baseline} on {wins} of {skilled.Count} targets";
        return losses.Count == 0 ? $"{sentence}." : $"{sentence}; loses at {Enumerate(losses)}.";
    }

    public static string Lead(double hours) => $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} h";

    private static string Target(LeadScore score) => $"{Lead(score.LeadHours)} on {score.Channel}";

    private static string Enumerate(IReadOnlyList<string> losses) => losses.Count switch
    {
        1 => losses[0],
        <= LossesNamed => $"{string.Join(", ", losses.Take(losses.Count - 1))} and {losses[^1]}",
        _ => $"{string.Join(", ", losses.Take(LossesNamed))} and {losses.Count - LossesNamed} more",
    };
}
