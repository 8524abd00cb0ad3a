using Microsoft.EntityFrameworkCore;
using WeatherFlow.Data;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Web.Accounts;

/// <summary>A user's personal access tokens for the REST API: listed, made and revoked, each change on the audit
/// trail. Only a token's hash is kept, so a new token is seen once, by whoever made it.</summary>
public sealed class PersonalAccessTokenService(WeatherDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>Newest first, revoked ones included.</summary>
    public Task<List<PersonalAccessToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <returns>The new token.</returns>
    public async Task<string> CreateAsync(string userId, string? userName, string name, CancellationToken cancellationToken)
    {
        var token = PersonalAccessTokens.NewToken();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            TokenHash = PersonalAccessTokens.Hash(token),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.TokenCreated, userId, userName, name, cancellationToken: cancellationToken);
        return token;
    }

    /// <summary>Revokes the token if it is one of the user's and still active; any other id changes nothing.</summary>
    public async Task RevokeAsync(string userId, string? userName, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await db.PersonalAccessTokens.Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            await audit.RecordAsync(AuditEvents.TokenRevoked, userId, userName, id.ToString(), cancellationToken: cancellationToken);
        }
    }
}
