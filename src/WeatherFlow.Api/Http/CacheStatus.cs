namespace WeatherFlow.Api.Http;

/// <summary>
/// The RFC 9211 <c>Cache-Status</c> header on experiment submissions: says whether the result came from the result
/// cache (no training) or was trained, without changing the contract's response body.
/// </summary>
public static class CacheStatus
{
    public const string HeaderName = "Cache-Status";
    public const string Hit = "WeatherFlow; hit";
    public const string Miss = "WeatherFlow; fwd=miss";
}
