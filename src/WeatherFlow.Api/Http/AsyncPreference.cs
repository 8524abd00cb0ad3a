using Microsoft.Extensions.Primitives;

namespace WeatherFlow.Api.Http;

/// <summary>The RFC 7240 <c>Prefer</c> header: <c>respond-async</c>, optionally with <c>wait=seconds</c>.</summary>
public readonly record struct AsyncPreference(bool RespondAsync, TimeSpan? Wait)
{
    public static AsyncPreference Parse(StringValues prefer)
    {
        var respondAsync = false;
        TimeSpan? wait = null;
        foreach (var header in prefer)
        {
            foreach (var token in (header ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals("respond-async", StringComparison.OrdinalIgnoreCase))
                {
                    respondAsync = true;
                }
                else if (token.StartsWith("wait=", StringComparison.OrdinalIgnoreCase) && int.TryParse(token.AsSpan(5), out var seconds) && seconds >= 0)
                {
                    wait = TimeSpan.FromSeconds(seconds);
                }
            }
        }
        return new(respondAsync, wait);
    }

    /// <summary>How long to wait for the result before answering 202: not at all for a bare respond-async,
    /// else the client's <c>wait</c> capped by the server's limit.</summary>
    public TimeSpan WaitFor(TimeSpan serverLimit) => (RespondAsync, Wait) switch
    {
        (_, { } requested) => requested < serverLimit ? requested : serverLimit,
        (true, null) => TimeSpan.Zero,
        (false, null) => serverLimit,
    };
}
