using System.Globalization;
using System.Text.RegularExpressions;

namespace WeatherFlow.Api.History;

public enum ScoreMetric { Rmse, Bias, Acc, Skill, ClimatologySkill }

/// <summary>
/// One score of the evaluation, as the history's <c>sort</c> and <c>metric</c> parameters name it:
/// <c>metric:channel:lead</c>, e.g. <c>rmse:z@500:24h</c> or <c>skill:t@850:12h</c>. The metrics are <c>rmse</c>,
/// <c>bias</c>, <c>acc</c>, <c>skill</c> (against persistence) and <c>skillClim</c> (against climatology).
/// </summary>
public sealed partial record ScoreKey(ScoreMetric Metric, string Channel, double LeadHours)
{
    public static readonly IReadOnlyDictionary<string, ScoreMetric> MetricNames = new Dictionary<string, ScoreMetric>(StringComparer.OrdinalIgnoreCase)
    {
        [ScoreMetricKeys.Rmse] = ScoreMetric.Rmse,
        [ScoreMetricKeys.Bias] = ScoreMetric.Bias,
        [ScoreMetricKeys.Acc] = ScoreMetric.Acc,
        [ScoreMetricKeys.Skill] = ScoreMetric.Skill,
        [ScoreMetricKeys.ClimatologySkill] = ScoreMetric.ClimatologySkill,
    };

    /// <summary>For these a larger value is better, so they list largest first unless asked otherwise.</summary>
    public bool HigherIsBetter => Metric is ScoreMetric.Acc or ScoreMetric.Skill or ScoreMetric.ClimatologySkill;

    public static bool LooksLikeOne(string text) => text.Contains(':');

    /// <returns>The key, or what is wrong with the text.</returns>
    public static (ScoreKey? Key, string? Problem) Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            return (null, $"a score is metric:channel:lead, e.g. rmse:z@500:24h; got '{text}'.");
        }
        if (!MetricNames.TryGetValue(parts[0], out var metric))
        {
            return (null, $"the score's metric must be one of {string.Join(", ", MetricNames.Keys)}; got '{parts[0]}'.");
        }
        if (parts[1].Length is 0 or > ExperimentScore.MaxChannelLength || !ChannelPattern().IsMatch(parts[1]))
        {
            return (null, $"the score's channel must be a channel name such as t or z@500; got '{parts[1]}'.");
        }
        var lead = parts[2].EndsWith('h') ? parts[2][..^1] : parts[2];
        if (!double.TryParse(lead, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours is <= 0 or > 24 * 60)
        {
            return (null, $"the score's lead must be hours such as 24h (at most 1440); got '{parts[2]}'.");
        }
        return (new ScoreKey(metric, parts[1], hours), null);
    }

    public override string ToString() =>
        $"{MetricNames.First(name => name.Value == Metric).Key}:{Channel}:{LeadHours.ToString(CultureInfo.InvariantCulture)}h";

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(@[0-9.]+)?$")]
    private static partial Regex ChannelPattern();
}
