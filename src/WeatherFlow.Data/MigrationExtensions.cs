using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WeatherFlow.Data;

public static class MigrationExtensions
{
    // Any constant shared by every WeatherFlow process that migrates weatherdb.
    private const long MigrationLockKey = 0x5745_4154_4845_52;

    /// <summary>
    /// Applies pending migrations while holding a Postgres advisory lock, so that api replicas starting at the same
    /// time migrate one after the other (the later ones find nothing to do). Creates the database first when the
    /// server has none yet (replicas racing to create it all go on).
    /// </summary>
    public static async Task MigrateWithLockAsync(this WeatherDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another replica created it between our check and our CREATE DATABASE: just what we wanted.
            }
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // Created first so that EF does not probe a missing history table (a logged, harmless error).
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
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
