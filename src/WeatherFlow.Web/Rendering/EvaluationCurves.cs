using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Web.Rendering;

/// <summary>A channel's scores against lead time as chart lines: the model solid, the baselines dashed.</summary>
public sealed record EvaluationCurves(string Channel, IReadOnlyList<LeadSeries> Rmse, IReadOnlyList<LeadSeries> Acc)
{
    private const string ModelColor = "#0072B2", PersistenceColor = "#D55E00", ClimatologyColor = "#009E73";

    /// <summary>One per channel, in the order the evaluation first scores them.</summary>
    public static IReadOnlyList<EvaluationCurves> From(EvaluationResult evaluation) =>
    [
        .. evaluation.Scores.GroupBy(score => score.Channel).Select(channel =>
        {
            var scores = channel.OrderBy(score => score.LeadHours).ToList();
            return new EvaluationCurves(channel.Key,
                [
                    Series("model", ModelColor, false, scores, score => score.Model.Rmse),
                    Series("persistence", PersistenceColor, true, scores, score => score.Persistence.Rmse),
                    Series("climatology", ClimatologyColor, true, scores, score => score.Climatology.Rmse),
                ],
                // Climatology's anomaly is zero everywhere, so its ACC is 0 by definition and not worth a line.
                [
                    Series("model", ModelColor, false, scores, score => score.Model.Acc ?? double.NaN),
                    Series("persistence", PersistenceColor, true, scores, score => score.Persistence.Acc ?? double.NaN),
                ]);
        }),
    ];

    /// <summary>ACC from 0 to 1 as WeatherBench draws it, reaching below 0 only when a forecast does.</summary>
    public ValueAxis AccAxis()
    {
        var lowest = Acc.SelectMany(line => line.Points.Select(point => point.Value)).Where(double.IsFinite).DefaultIfEmpty(0).Min();
        return new ValueAxis(Math.Min(0, lowest), 1, false);
    }

    private static LeadSeries Series(string name, string color, bool dashed, IEnumerable<LeadScore> scores, Func<LeadScore, double> value) =>
        new(name, color, dashed, [.. scores.Select(score => (score.LeadHours, value(score)))]);
}
