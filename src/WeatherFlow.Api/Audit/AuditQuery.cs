using System.Globalization;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Api.Audit;

/// <summary>
/// The filters of <c>GET /api/audit</c>, parsed once: <c>event</c> (one of <see cref="AuditEvents.All"/>),
/// <c>actor</c> (an account's id or name), <c>target</c> (text in the target), <c>from</c>/<c>to</c> (ISO dates or
/// times), <c>limit</c> (1–200, default 50) and <c>before</c> (the id the previous page ended at).
/// </summary>
public sealed record AuditQuery(string? Event, string? Actor, string? Target, DateTimeOffset? From, DateTimeOffset? To, int Limit, long? Before)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <returns>The query, or the problems with each parameter by name.</returns>
    public static (AuditQuery? Query, Dictionary<string, string[]> Problems) Parse(IQueryCollection query)
    {
        var problems = new Dictionary<string, string[]>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } text ? text : null;
        var @event = Text("event");
        if (@event is not null && !AuditEvents.All.Contains(@event))
        {
            problems["event"] = [$"'{@event}' is not an audit event; use one of {string.Join(", ", AuditEvents.All.Order())}."];
        }
        DateTimeOffset? Time(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
            problems[name] = [$"'{text}' is not an ISO 8601 date or time."];
            return null;
        }
        var from = Time("from");
        var to = Time("to");
        var limit = DefaultLimit;
        if (Text("limit") is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            problems["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }
        long? before = null;
        if (Text("before") is { } beforeText)
        {
            if (long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                before = id;
            }
            else
            {
                problems["before"] = ["before must be the id of an audit event."];
            }
        }
        return problems.Count > 0 ? (null, problems) : (new AuditQuery(@event, Text("actor"), Text("target"), from, to, limit, before), problems);
    }
}
