using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace WeatherFlow.Api.History;

/// <summary>
/// Where a page ended: the sort key and id of its last row. It is opaque to clients (base64url of
/// <c>sort|order|key|id</c>, and <c>|score</c> for a sort by a score) and names its sort, so a cursor cannot be
/// replayed under another order. Metric keys of runs without the metric are ±infinity, which keeps them after every
/// scored run in either direction.
/// </summary>
public sealed record HistoryCursor(HistorySort Sort, bool Descending, double Key, Guid Id, string? Score = null)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join('|', [Sort.ToString(), Descending ? HistoryOrders.Descending : HistoryOrders.Ascending, Key.ToString("R", CultureInfo.InvariantCulture), Id.ToString(), .. Score is null ? Array.Empty<string>() : [Score]])));

    public static HistoryCursor? Decode(string text)
    {
        if (text.Length > 400 || !Base64Url.IsValid(text))
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        return parts.Length is 4 or 5
            && Enum.TryParse<HistorySort>(parts[0], out var sort) && Enum.IsDefined(sort)
            && parts[1] is HistoryOrders.Ascending or HistoryOrders.Descending
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var key)
            && Guid.TryParse(parts[3], out var id)
            && (parts.Length == 5) == (sort == HistorySort.Score)
                ? new HistoryCursor(sort, parts[1] == HistoryOrders.Descending, key, id, parts.Length == 5 ? parts[4] : null)
                : null;
    }

    /// <summary>Submitted times are keyed in microseconds since 1970, Postgres' own precision, exact in a double.</summary>
    public static double KeyOf(DateTimeOffset submittedAt) => (submittedAt - DateTimeOffset.UnixEpoch).Ticks / 10;

    public DateTimeOffset SubmittedAt => DateTimeOffset.UnixEpoch.AddTicks((long)Key * 10);
}
