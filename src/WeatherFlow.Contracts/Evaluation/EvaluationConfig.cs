using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.Evaluation;

/// <summary>
/// What the evaluation after training scores: <see cref="LeadTimes"/> in hours, each a whole number of the model's
/// own lead (the dataset's <c>leadHours</c>, or the synthetic atmosphere's step); null: the defaults, one, two, four
/// and eight leads on a dataset and one to four steps on the synthetic atmosphere.
/// </summary>
public sealed record EvaluationConfig
{
    public const int MaxLeadTimes = 8;

    /// <summary>The longest rollout, in model steps: the evaluation's work is bounded whatever a request asks.</summary>
    public const int MaxSteps = 12;

    public IReadOnlyList<double>? LeadTimes { get; init; }

    /// <summary>The lead times a run is scored at, in hours: the config's, or the defaults for its data.</summary>
    public static IReadOnlyList<double> LeadTimesOf(ExperimentConfig config)
    {
        var lead = config.ModelLeadHours();
        return config.Evaluation?.LeadTimes
            ?? (config.Dataset.Source is null ? [lead, 2 * lead, 3 * lead, 4 * lead] : [lead, 2 * lead, 4 * lead, 8 * lead]);
    }

    /// <summary>How many model steps reach <paramref name="leadHours"/>; null when it is not a whole number of them within <see cref="MaxSteps"/>.</summary>
    public static int? StepsOf(double leadHours, double modelLeadHours)
    {
        var steps = leadHours / modelLeadHours;
        return Math.Abs(steps - Math.Round(steps)) < 1e-6 && Math.Round(steps) is >= 1 and <= MaxSteps ? (int)Math.Round(steps) : null;
    }
}
