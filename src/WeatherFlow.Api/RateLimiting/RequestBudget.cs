namespace WeatherFlow.Api.RateLimiting;

/// <summary>
/// The budget a request draws on: a kind of request (<c>submissions</c> or <c>reads</c>) for one account or, without
/// one, one client address. <see cref="Key"/> names it the same on every replica, so they count it together.
/// </summary>
public sealed record RequestBudget(string Kind, string? Account, string ClientAddress, int PermitLimit, TimeSpan Window)
{
    public string Key => Account is null ? $"{Kind}:address:{ClientAddress}" : $"{Kind}:account:{Account}";

    /// <summary>Says which limit was reached, and for an anonymous caller how to get the larger one.</summary>
    public string Detail(int retryAfterSeconds) => Account is null
        ? $"Anonymous {Kind} are limited to {PermitLimit} per {Per(Window)} per client address; try again in {retryAfterSeconds} s, or sign in and send a personal access token."
        : $"{char.ToUpperInvariant(Kind[0])}{Kind[1..]} are limited to {PermitLimit} per {Per(Window)} per account; try again in {retryAfterSeconds} s.";

    private static string Per(TimeSpan window) => window switch
    {
        { TotalDays: 1 } => "day",
        { TotalHours: 1 } => "hour",
        { TotalMinutes: 1 } => "minute",
        { TotalSeconds: 1 } => "second",
        { Minutes: 0, Seconds: 0 } => $"{(int)window.TotalHours} hours",
        { Seconds: 0 } => $"{(int)window.TotalMinutes} minutes",
        _ => $"{(int)window.TotalSeconds} s",
    };
}
