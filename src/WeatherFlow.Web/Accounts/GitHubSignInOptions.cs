using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Bound from the <c>Authentication:GitHub</c> section: the GitHub OAuth app the web signs users in with. Without a
/// client id there is no GitHub sign-in (and no button on the sign-in page); a client id without its secret stops the
/// web at start rather than at the first sign-in.
/// </summary>
public sealed class GitHubSignInOptions : IValidatableObject
{
    public const string SectionName = "Authentication:GitHub";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult($"{SectionName}:ClientSecret is required with a ClientId.", [nameof(ClientSecret)]);
        }
    }
}
