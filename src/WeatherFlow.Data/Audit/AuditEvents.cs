namespace WeatherFlow.Data.Audit;

/// <summary>The names of the events the audit trail records, as the api filters by them.</summary>
public static class AuditEvents
{
    public const string AccountCreated = "account.created";
    public const string AccountConfirmed = "account.confirmed";
    public const string RegistrationOfExistingAddress = "account.registration-of-existing-address";
    public const string SignedIn = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string LockedOut = "signin.locked-out";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string RoleGranted = "role.granted";
    public const string QuotaChanged = "quota.changed";
    public const string ExperimentDeletedByOther = "experiment.deleted-by-other";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        AccountCreated, AccountConfirmed, RegistrationOfExistingAddress, SignedIn, SignInFailed, LockedOut, TokenCreated,
        TokenRevoked, TwoFactorEnabled, TwoFactorDisabled, RoleGranted, QuotaChanged, ExperimentDeletedByOther,
    };

    public const int MaxTextLength = 256;
}
