using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace WeatherFlow.Api.History;

/// <summary>
/// Finds, pages and summarises stored runs from their columns alone (labels, copied config fields, scores, and the
/// evaluation's score table): no config or result document is read, so a page costs the same with ten or ten thousand runs stored. A caller sees
/// its own runs; an admin every run.
/// </summary>
public sealed class ExperimentHistory(WeatherDbContext db, Caller caller)
{
    public async Task<(List<ExperimentJobSummary> Rows, HistoryCursor? Next)> ListAsync(HistoryPageRequest request, CancellationToken cancellationToken)
    {
        var rows = Filtered(request.Filter);
        var page = request.Sort == HistorySort.Submitted
            ? Ordered(rows, e => e.SubmittedAt, request.Descending, request.After is { } at ? (at.SubmittedAt, at.Id) : null)
            : Ordered(rows, MetricKey(request.Sort, request.Score, request.Descending), request.Descending, request.After is { } after ? (after.Key, after.Id) : null);
        var found = await page.Take(request.Limit + 1).ToSummaries().ToListAsync(cancellationToken);
        if (found.Count <= request.Limit)
        {
            return (found, null);
        }
        found.RemoveAt(request.Limit);
        var last = found[^1];
        var key = request.Sort switch
        {
            HistorySort.Submitted => HistoryCursor.KeyOf(last.SubmittedAt),
            HistorySort.Score => await ScoreOfAsync(last.Id, request.Score!, cancellationToken) ?? Missing(request.Descending),
            _ => MetricOf(last, request.Sort) ?? Missing(request.Descending),
        };
        return (found, new HistoryCursor(request.Sort, request.Descending, key, last.Id, request.Score?.ToString()));
    }

    public async Task<ExperimentAggregates> AggregateAsync(AggregateRequest request, CancellationToken cancellationToken)
    {
        var completed = Filtered(request.Filter).Where(e => e.Status == ExperimentJobStatus.Completed);
        var measured = request.Metric switch
        {
            HistorySort.Score => Scored(completed, request.Score!),
            HistorySort.ValidationLoss => completed.Where(e => e.ValidationLoss != null)
                .Select(e => new MeasuredRun { Backbone = e.Backbone, HiddenDim = e.HiddenDim, TrainSamples = e.TrainSamples, Epochs = e.Epochs, Value = e.ValidationLoss!.Value }),
            HistorySort.MeanSkill => completed.Where(e => e.MeanSkill != null)
                .Select(e => new MeasuredRun { Backbone = e.Backbone, HiddenDim = e.HiddenDim, TrainSamples = e.TrainSamples, Epochs = e.Epochs, Value = e.MeanSkill!.Value }),
            _ => completed.Where(e => e.RunSeconds != null)
                .Select(e => new MeasuredRun { Backbone = e.Backbone, HiddenDim = e.HiddenDim, TrainSamples = e.TrainSamples, Epochs = e.Epochs, Value = e.RunSeconds!.Value }),
        };
        var groups = request.By switch
        {
            HistoryGrouping.Backbone => await GroupAsync(measured, run => run.Backbone, key => (key, null), cancellationToken),
            HistoryGrouping.HiddenDim => await GroupAsync(measured, run => run.HiddenDim, Numeric, cancellationToken),
            HistoryGrouping.TrainSamples => await GroupAsync(measured, run => run.TrainSamples, Numeric, cancellationToken),
            _ => await GroupAsync(measured, run => run.Epochs, Numeric, cancellationToken),
        };
        return new(request.Score?.ToString() ?? HistoryVocabulary.NameOf(HistoryVocabulary.MetricNames, request.Metric),
            HistoryVocabulary.NameOf(HistoryVocabulary.GroupingNames, request.By), groups);
    }

    /// <summary>A completed run and the one value an aggregate summarises; set by member, so EF can group on its members.</summary>
    private sealed class MeasuredRun
    {
        public required string Backbone { get; init; }
        public int HiddenDim { get; init; }
        public int TrainSamples { get; init; }
        public int Epochs { get; init; }
        public double Value { get; init; }
    }

    /// <summary>Each run that has the score, with it: a join on the score table's (channel, lead) index.</summary>
    private static IQueryable<MeasuredRun> Scored(IQueryable<Experiment> runs, ScoreKey key)
    {
        var (channel, lead, column) = (key.Channel, key.LeadHours, ScoreColumn(key.Metric));
        return runs.SelectMany(e => e.Scores.AsQueryable().Where(s => s.Channel == channel && s.LeadHours == lead).Select(column).Where(value => value != null),
            (e, value) => new MeasuredRun { Backbone = e.Backbone, HiddenDim = e.HiddenDim, TrainSamples = e.TrainSamples, Epochs = e.Epochs, Value = value!.Value });
    }

    /// <summary>The one column of the score table a metric names: the sort, the cursor and the aggregates all read it here.</summary>
    private static Expression<Func<ExperimentScore, double?>> ScoreColumn(ScoreMetric metric) => metric switch
    {
        ScoreMetric.Rmse => s => s.Rmse,
        ScoreMetric.Bias => s => s.Bias,
        ScoreMetric.Acc => s => s.Acc,
        ScoreMetric.Skill => s => s.Skill,
        _ => s => s.ClimatologySkill,
    };

    private IQueryable<Experiment> Filtered(HistoryFilter filter)
    {
        var rows = db.Experiments.AsNoTracking().OwnedBy(caller);
        if (filter.Text is { } text)
        {
            var pattern = LikePattern.Containing(text);
            // The joined text is what the trigram index covers; the fields one by one then keep a match within one
            // field, as the joined text alone could match across a separator.
            rows = rows.Where(e => EF.Functions.ILike(WeatherDbContext.SearchText(e.Name, e.Note, e.Tags), pattern, @"\")
                && (EF.Functions.ILike(e.Name, pattern, @"\")
                    || (e.Note != null && EF.Functions.ILike(e.Note, pattern, @"\"))
                    || e.Tags.Any(tag => EF.Functions.ILike(tag, pattern, @"\"))));
        }
        if (filter.Statuses.Count > 0)
        {
            rows = rows.Where(e => filter.Statuses.Contains(e.Status));
        }
        if (filter.Backbones.Count > 0)
        {
            rows = rows.Where(e => filter.Backbones.Contains(e.Backbone));
        }
        if (filter.Variables.Count > 0)
        {
            rows = rows.Where(e => filter.Variables.All(variable => e.Variables.Contains(variable)));
        }
        if (filter.Tags.Count > 0)
        {
            rows = rows.Where(e => filter.Tags.All(tag => e.Tags.Contains(tag)));
        }
        if (filter.SubmittedFrom is { } from)
        {
            rows = rows.Where(e => e.SubmittedAt >= from);
        }
        if (filter.SubmittedBefore is { } before)
        {
            rows = rows.Where(e => e.SubmittedAt < before);
        }
        return rows;
    }

    /// <summary>Rows ordered by the key, then by id, after the previous page's last row: a row-value comparison
    /// <c>(key, id) &gt; (@key, @id)</c> that Postgres answers from an index where there is one.</summary>
    private static IQueryable<Experiment> Ordered<TKey>(
        IQueryable<Experiment> rows, Expression<Func<Experiment, TKey>> key, bool descending, (TKey Key, Guid Id)? after)
    {
        if (after is { } point)
        {
            var (afterKey, afterId) = point;
            Expression<Func<Experiment, TKey, bool>> seek = descending
                ? (e, k) => EF.Functions.LessThan(ValueTuple.Create(k, e.Id), ValueTuple.Create(afterKey, afterId))
                : (e, k) => EF.Functions.GreaterThan(ValueTuple.Create(k, e.Id), ValueTuple.Create(afterKey, afterId));
            var keyOfRow = ReplacingExpressionVisitor.Replace(key.Parameters[0], seek.Parameters[0], key.Body);
            var body = ReplacingExpressionVisitor.Replace(seek.Parameters[1], keyOfRow, seek.Body);
            rows = rows.Where(Expression.Lambda<Func<Experiment, bool>>(body, seek.Parameters[0]));
        }
        return descending
            ? rows.OrderByDescending(key).ThenByDescending(e => e.Id)
            : rows.OrderBy(key).ThenBy(e => e.Id);
    }

    /// <summary>Runs without the metric (not finished, or nothing to score) sort after all others either way. The
    /// stand-in is a constant in the SQL, not a parameter, so Postgres can match it to the index on the expression
    /// (migration <c>ExperimentMetricIndexes</c>) and read a page in order instead of sorting every filtered row.</summary>
    private static Expression<Func<Experiment, double>> MetricKey(HistorySort sort, ScoreKey? score, bool descending)
    {
        var missing = Missing(descending);
        if (score is { Channel: var channel, LeadHours: var lead })
        {
            // A score has no column of its own: the run's row of the score table, found through its key.
            var column = ScoreColumn(score.Metric);
            return e => e.Scores.AsQueryable().Where(s => s.Channel == channel && s.LeadHours == lead).Select(column).FirstOrDefault() ?? EF.Constant(missing);
        }
        return sort switch
        {
            HistorySort.RunTime => e => e.RunSeconds ?? EF.Constant(missing),
            HistorySort.ValidationLoss => e => e.ValidationLoss ?? EF.Constant(missing),
            _ => e => e.MeanSkill ?? EF.Constant(missing),
        };
    }

    private Task<double?> ScoreOfAsync(Guid experimentId, ScoreKey key, CancellationToken cancellationToken) =>
        db.ExperimentScores.AsNoTracking()
            .Where(s => s.ExperimentId == experimentId && s.Channel == key.Channel && s.LeadHours == key.LeadHours)
            .Select(ScoreColumn(key.Metric)).FirstOrDefaultAsync(cancellationToken);

    private static double Missing(bool descending) => descending ? double.NegativeInfinity : double.PositiveInfinity;

    private static double? MetricOf(ExperimentJobSummary row, HistorySort sort) => sort switch
    {
        HistorySort.RunTime => row.RunSeconds,
        HistorySort.ValidationLoss => row.ValidationLoss,
        _ => row.MeanSkill,
    };

    private static (string Key, double? NumericKey) Numeric(int key) => (key.ToString(System.Globalization.CultureInfo.InvariantCulture), key);

    private static async Task<List<AggregateGroup>> GroupAsync<TKey>(
        IQueryable<MeasuredRun> rows,
        Expression<Func<MeasuredRun, TKey>> key,
        Func<TKey, (string Key, double? NumericKey)> describe,
        CancellationToken cancellationToken)
    {
        var groups = await rows.GroupBy(key, run => run.Value)
            .Select(group => new { group.Key, Count = group.Count(), Mean = group.Average(), Min = group.Min(), Max = group.Max() })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(group => (Label: describe(group.Key), group.Count, group.Mean, group.Min, group.Max))
            .OrderBy(group => group.Label.NumericKey).ThenBy(group => group.Label.Key, StringComparer.Ordinal)
            .Select(group => new AggregateGroup(group.Label.Key, group.Label.NumericKey, group.Count, group.Mean, group.Min, group.Max))];
    }
}
