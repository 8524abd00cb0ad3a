namespace WeatherFlow.Data.Accounts;

/// <summary>A token a user made to call the REST API as themselves. Only its SHA-256 is kept: the token itself is
/// shown once, when it is made.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
