using System.Globalization;
using static WeatherFlow.Api.History.HistoryVocabulary;

namespace WeatherFlow.Api.History;

/// <summary>
/// Checks history query parameters once, at the edge, and collects every problem under its parameter's name (for a
/// 400 ValidationProblem), so a client fixes them all in one go.
/// </summary>
public sealed class HistoryQueryParser(ExperimentsOptions options)
{
    private const int MaxTextLength = 200;
    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public HistoryPageRequest? Page(HistoryParameters filter, HistoryPageParameters page)
    {
        var parsedFilter = Filter(filter);
        var score = Score(page.Sort, HistoryParameterNames.Sort);
        var sort = score is not null ? HistorySort.Score : Choice(page.Sort is { } named && ScoreKey.LooksLikeOne(named) ? null : page.Sort, HistoryParameterNames.Sort, HistorySort.Submitted, SortNames);
        var descending = page.Order switch
        {
            null => sort is HistorySort.Submitted or HistorySort.MeanSkill || score?.HigherIsBetter == true,
            HistoryOrders.Ascending => false,
            HistoryOrders.Descending => true,
            _ => Error<bool>(HistoryParameterNames.Order, $"{HistoryParameterNames.Order} must be {HistoryOrders.Ascending} or {HistoryOrders.Descending}; got '{page.Order}'."),
        };
        var limit = options.DefaultListLimit;
        if (page.Limit is not null && !(int.TryParse(page.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1 && limit <= options.MaxListLimit))
        {
            Error<int>(HistoryParameterNames.Limit, $"{HistoryParameterNames.Limit} must be a whole number from 1 to {options.MaxListLimit}; got '{page.Limit}'.");
        }
        HistoryCursor? after = null;
        if (page.Cursor is not null)
        {
            after = HistoryCursor.Decode(page.Cursor);
            if (after is null)
            {
                Error<int>(HistoryParameterNames.Cursor, $"{HistoryParameterNames.Cursor} is not one this api handed out; use the Link header of the previous page.");
            }
            else if (after.Sort != sort || after.Descending != descending || after.Score != score?.ToString())
            {
                Error<int>(HistoryParameterNames.Cursor, $"{HistoryParameterNames.Cursor} belongs to another {HistoryParameterNames.Sort} or {HistoryParameterNames.Order}; keep {HistoryParameterNames.Sort} and {HistoryParameterNames.Order} as they were for the previous page.");
            }
        }
        return _errors.Count == 0 ? new(parsedFilter, sort, descending, limit, after, score) : null;
    }

    public AggregateRequest? Aggregate(HistoryParameters filter, AggregateParameters aggregate)
    {
        var parsedFilter = Filter(filter);
        var score = Score(aggregate.Metric, HistoryParameterNames.Metric);
        var metric = score is not null ? HistorySort.Score : Choice(aggregate.Metric is { } named && ScoreKey.LooksLikeOne(named) ? null : aggregate.Metric, HistoryParameterNames.Metric, HistorySort.ValidationLoss, MetricNames);
        var by = Choice(aggregate.By, HistoryParameterNames.By, HistoryGrouping.Backbone, GroupingNames);
        return _errors.Count == 0 ? new(parsedFilter, metric, by, score) : null;
    }

    /// <summary>A score at a lead (<c>rmse:z@500:24h</c>) when the parameter names one; null for the named sorts and metrics.</summary>
    private ScoreKey? Score(string? given, string parameter)
    {
        if (given is null || !ScoreKey.LooksLikeOne(given))
        {
            return null;
        }
        var (key, problem) = ScoreKey.Parse(given);
        return key ?? Error<ScoreKey>(parameter, $"{parameter}: {problem}");
    }

    private HistoryFilter Filter(HistoryParameters parameters)
    {
        var text = string.IsNullOrWhiteSpace(parameters.Q) ? null : parameters.Q.Trim();
        if (text is { Length: > MaxTextLength })
        {
            Error<int>(HistoryParameterNames.Text, $"{HistoryParameterNames.Text} must be at most {MaxTextLength} characters.");
        }
        var from = Time(parameters.From, HistoryParameterNames.From, endOfDay: false);
        var before = Time(parameters.To, HistoryParameterNames.To, endOfDay: true);
        if (from is not null && before is not null && from >= before)
        {
            Error<int>(HistoryParameterNames.To, $"{HistoryParameterNames.To} must be later than {HistoryParameterNames.From}.");
        }
        return new(
            text,
            Values(parameters.Status, HistoryParameterNames.Status, ExperimentJobStatus.All),
            Values(parameters.Backbone, HistoryParameterNames.Backbone, ConfigChoices.Backbones),
            Values(parameters.Variable, HistoryParameterNames.Variable, ConfigChoices.Variables),
            Tags(parameters.Tag),
            from,
            before);
    }

    private IReadOnlyList<string> Values(string[]? given, string parameter, IReadOnlyList<string> allowed)
    {
        var values = Split(given);
        if (values.FirstOrDefault(value => !allowed.Contains(value)) is { } unknown)
        {
            Error<int>(parameter, $"{parameter} must be one of {string.Join(", ", allowed)}; got '{unknown}'.");
        }
        return values;
    }

    private IReadOnlyList<string> Tags(string[]? given)
    {
        var tags = LabelRules.NormaliseTags(Split(given));
        if (LabelRules.TagsError(tags) is { } message)
        {
            Error<int>(HistoryParameterNames.Tag, message + ".");
        }
        return tags;
    }

    private static List<string> Split(string[]? given) =>
        [.. (given ?? []).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct()];

    /// <summary>An ISO 8601 time, or a date: the start of that day (UTC) for <c>from</c>, the start of the next for
    /// <c>to</c>, so <c>from=2026-12-01&amp;to=2026-12-01</c> is that whole day.</summary>
    private DateTimeOffset? Time(string? text, string parameter, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        return Error<DateTimeOffset?>(parameter, $"{parameter} must be an ISO 8601 date or time such as 2026-12-01 or 2026-12-01T08:30:00Z; got '{text}'.");
    }

    private T Choice<T>(string? given, string parameter, T fallback, IReadOnlyDictionary<string, T> names)
    {
        if (given is null)
        {
            return fallback;
        }
        return names.TryGetValue(given, out var value)
            ? value
            : Error<T>(parameter, $"{parameter} must be one of {string.Join(", ", names.Keys)}; got '{given}'.")!;
    }

    private T? Error<T>(string parameter, string message)
    {
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];
        return default;
    }
}
