using Microsoft.EntityFrameworkCore;

namespace WeatherFlow.Data.Accounts;

public static class AccountSubmissionLock
{
    /// <summary>Serialises an account's submissions for the rest of the current transaction: a Postgres advisory
    /// lock on the account's id.</summary>
    public static Task LockAccountSubmissionsAsync(this WeatherDbContext db, string accountId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({accountId}))", cancellationToken);
}
