using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Api.Evaluation;

/// <summary>Builds the compare page's scorecard: RMSE per channel × lead of each run against a reference run.</summary>
public static class Scorecards
{
    /// <returns>Null when the reference has no evaluation to compare against.</returns>
    public static Scorecard? Build(IReadOnlyList<(Guid Id, string Name, EvaluationResult? Evaluation)> runs, Guid referenceId)
    {
        var reference = runs.First(run => run.Id == referenceId);
        if (reference.Evaluation is null)
        {
            return null;
        }
        var targetsOf = runs.Where(run => run.Evaluation is not null)
            .ToDictionary(run => run.Id, run => run.Evaluation!.Scores.ToDictionary(score => (score.Channel, score.LeadHours)));
        var shared = targetsOf[referenceId].Keys.Where(target => targetsOf.Values.All(targets => targets.ContainsKey(target)))
            .OrderBy(target => target.Channel, StringComparer.Ordinal).ThenBy(target => target.LeadHours).ToList();
        var scoredRuns = runs.Select(run =>
        {
            if (run.Id == referenceId || !targetsOf.TryGetValue(run.Id, out var targets))
            {
                return new ScorecardRun(run.Id, run.Name, 0, 0, null);
            }
            var cells = shared.Select(target =>
            {
                var (rmse, referenceRmse) = (targets[target].Model.Rmse, targetsOf[referenceId][target].Model.Rmse);
                return new ScorecardCell(target.Channel, target.LeadHours, rmse, referenceRmse, referenceRmse > 0 ? 100 * (rmse - referenceRmse) / referenceRmse : 0);
            }).ToList();
            return new ScorecardRun(run.Id, run.Name, cells.Count(cell => cell.Rmse < cell.ReferenceRmse), cells.Count, cells);
        }).ToList();
        var unscored = runs.Where(run => run.Evaluation is null).Select(run => run.Name).ToList();
        var all = targetsOf.Values.SelectMany(targets => targets.Keys).Distinct().Count();
        var notes = new List<string>();
        if (unscored.Count > 0)
        {
            notes.Add($"no evaluation in {string.Join(", ", unscored)} (a run from before evaluations, or not completed)");
        }
        if (all > shared.Count)
        {
            notes.Add($"only the {shared.Count} of {all} channel × lead targets every scored run shares are compared");
        }
        return new Scorecard(referenceId, [.. shared.Select(target => target.Channel).Distinct()], [.. shared.Select(target => target.LeadHours).Distinct().Order()],
            scoredRuns, notes.Count > 0 ? string.Join("; ", notes) : null);
    }
}
