using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Bound from <c>SignInProtection</c>: how the account pages hold against guessing and flooding. An account locks
/// after <see cref="MaxFailedAttempts"/> wrong passwords or codes for <see cref="LockoutTime"/>, and an address that
/// has no account answers the same way, so neither says whether an address exists. The sign-in, registration,
/// password-reset and resend-confirmation forms take at most <see cref="FormsPerClientAddress"/> posts from one client
/// address and <see cref="FormsPerTargetAddress"/> for one typed address per <see cref="FormWindow"/>.
/// </summary>
public sealed class SignInProtectionOptions
{
    public const string SectionName = "SignInProtection";

    [Range(2, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutTime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, int.MaxValue)]
    public int FormsPerClientAddress { get; set; } = 30;

    [Range(1, int.MaxValue)]
    public int FormsPerTargetAddress { get; set; } = 10;

    /// <summary>Whole seconds: the shared counters in Redis keep time in seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FormWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Admins must turn on two-factor sign-in before they can use any other page.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}
