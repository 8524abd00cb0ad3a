using Microsoft.AspNetCore.Identity;

namespace WeatherFlow.Data.Accounts;

/// <summary>An account: ASP.NET Core Identity's user, kept in the weatherdb beside the experiments.</summary>
public sealed class WeatherFlowUser : IdentityUser
{
    /// <summary>The role that sees and manages every account's experiments.</summary>
    public const string AdminRole = "admin";

    /// <summary>How many of the account's experiments may be queued or running at once; null for the default.</summary>
    public int? MaxActiveExperiments { get; set; }

    /// <summary>Trainer seconds the account's runs may use in 24 hours; null for the default.</summary>
    public int? MaxRunSecondsPerDay { get; set; }
}
