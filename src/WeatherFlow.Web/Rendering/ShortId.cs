namespace WeatherFlow.Web.Rendering;

/// <summary>An experiment id short enough to read and still tell runs apart: the last 8 hex digits of the UUIDv7,
/// which are random, where its first 8 are a timestamp shared by every run of the same minute.</summary>
public static class ShortId
{
    public static string Of(Guid id) => id.ToString("N")[^8..];
}
