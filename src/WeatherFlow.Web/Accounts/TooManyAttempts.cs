namespace WeatherFlow.Web.Accounts;

/// <summary>
/// What a refused sign-in or account form says, word for word the same whether a rate limit or an account's lockout
/// refused it, so that neither tells whether the typed address has an account.
/// </summary>
public static class TooManyAttempts
{
    public const string Title = "Too many attempts";

    public static string Explanation(TimeSpan wait) =>
        "There have been too many attempts to sign in or to send this form, from your address or for the address you " +
        $"typed. Wait {Minutes(wait)} and try again; if you have forgotten your password, reset it once the wait is over.";

    private static string Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)) is var minutes && minutes == 1
        ? "a minute"
        : $"{minutes} minutes";
}
