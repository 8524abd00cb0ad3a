using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace WeatherFlow.Experiments.Data;

public static class MigrationExtensions
{
    // Any constant shared by every WeatherFlow process that migrates weatherdb.
    private const long MigrationLockKey = 0x5745_4154_4845_52;

    /// <summary>
    /// Applies pending migrations while holding a Postgres advisory lock, so that api replicas starting at the same
    /// time migrate one after the other (the later ones find nothing to do). Creates the database first when the
    /// server has none yet (a replica losing that race fails once and is retried by its caller).
    /// </summary>
    public static async Task MigrateWithLockAsync(this WeatherDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
