using WeatherFlow.Api.Evaluation;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Api.History;

/// <summary>Puts 2 to 6 runs side by side: their config differences, loss curves, per-channel scores and a scorecard against one of them.</summary>
public sealed class ExperimentComparer(WeatherDbContext db, Caller caller, ExperimentQueries queries)
{
    public const int MinRuns = 2;
    public const int MaxRuns = 6;

    /// <summary>The comparison in the order the ids were given, or the first id that names no run the caller may read.</summary>
    /// <param name="reference">The run the scorecard compares the others with; one of <paramref name="ids"/>.</param>
    public async Task<(ExperimentComparison? Comparison, Guid? Missing)> CompareAsync(IReadOnlyList<Guid> ids, Guid reference, CancellationToken cancellationToken)
    {
        var documents = await db.Experiments.AsNoTracking().ReadableBy(caller).Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Config, e.Result })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        if (ids.Where(id => !documents.ContainsKey(id)).Select(id => (Guid?)id).FirstOrDefault() is { } missing)
        {
            return (null, missing);
        }
        var summaries = await db.Experiments.AsNoTracking().Where(e => ids.Contains(e.Id)).ToSummaries()
            .ToDictionaryAsync(summary => summary.Id, cancellationToken);
        var curves = new List<IReadOnlyList<EpochLosses>>();
        foreach (var id in ids)
        {
            curves.Add(await queries.GetEpochMetricsAsync(id, cancellationToken));
        }
        return (new ExperimentComparison(
            [.. ids.Select(id => summaries[id])],
            ConfigDifferences.Between([.. ids.Select(id => documents[id].Config)]),
            curves,
            ChannelScores.Compare([.. ids.Select(id => documents[id].Result)]),
            Scorecards.Build([.. ids.Select(id => (id, summaries[id].Name, ResultEvaluation.Read(documents[id].Result)))], reference)), null);
    }
}
