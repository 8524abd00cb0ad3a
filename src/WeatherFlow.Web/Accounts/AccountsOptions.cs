using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Web.Accounts;

/// <summary>Bound from <c>Accounts</c>: the AppHost's <c>admin-email</c> parameter.</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>The confirmed account with this address is put in the admin role when it signs in; empty for none.</summary>
    [RegularExpression("^$|^[^@\\s]+@[^@\\s]+$", ErrorMessage = "Accounts:AdminEmail must be empty or an email address.")]
    public string? AdminEmail { get; set; }
}
