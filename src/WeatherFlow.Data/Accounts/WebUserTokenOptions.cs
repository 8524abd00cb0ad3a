using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Data.Accounts;

/// <summary>
/// Bound from <c>WebUserTokens</c> in the web and the api: the web calls the api as its signed-in user with a
/// short-lived JWT signed with this key (an AppHost secret parameter), which the api's JwtBearer validates.
/// </summary>
public sealed class WebUserTokenOptions
{
    public const string SectionName = "WebUserTokens";
    public const string Issuer = "weatherflow-web";
    public const string Audience = "weatherflow-api";

    /// <summary>Long enough for HMAC-SHA256 (at least 256 bits).</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    /// <summary>A token covers one page's calls to the api; it is made again for each request.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}
