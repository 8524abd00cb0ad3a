using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Gives a <see cref="LocalPostgresDatabaseResource"/> a life: DCP passes states to the children of containers only,
/// so without this a database under an executable server stays "Unknown" and <c>WaitFor(database)</c> waits for ever.
/// </summary>
internal static class PostgresDatabaseState
{
    public static async Task FollowServerAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications,
        ILogger logger, Action<string> created, CancellationToken cancellationToken)
    {
        var exists = false;
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (update.Resource != database.Parent || update.Snapshot.State is not { } serverState)
            {
                continue;
            }
            if (serverState.Text != KnownResourceStates.Running)
            {
                await notifications.PublishUpdateAsync(database, s => s with { State = serverState });
            }
            else if (update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                if (!exists)
                {
                    var connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken)
                        ?? throw new DistributedApplicationException($"'{database.Name}' has no connection string.");
                    await CreateIfMissingAsync(database, logger, cancellationToken);
                    created(connectionString);
                    exists = true;
                }
                await notifications.PublishUpdateAsync(database, s => s with { State = serverState });
            }
        }
    }

    private static async Task CreateIfMissingAsync(LocalPostgresDatabaseResource database, ILogger logger, CancellationToken cancellationToken)
    {
        var serverConnectionString = await database.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false, Database = "postgres" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}.", database.DatabaseName);
        }
    }
}
