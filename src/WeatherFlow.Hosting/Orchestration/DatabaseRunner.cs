using Npgsql;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// A database on a Postgres server: created once the server is healthy (as Aspire 9.3+ does), healthy when
/// <c>SELECT 1</c> succeeds in it. A database given by a configured connection string is only probed.
/// </summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource resource, RunnerContext context) : ResourceRunner(resource, context)
{
    private IResourceWithConnectionString Database => resource;

    public override IEnumerable<IResource> Dependencies => resource.ExistingConnectionString is null ? [resource.Parent] : [];

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (resource.ExistingConnectionString is not null)
        {
            return;
        }
        await Context.Notifications.WaitForResourceHealthyAsync(resource.Parent.Name, cancellationToken);
        var serverConnectionString = await ((IResourceWithConnectionString)resource.Parent).GetConnectionStringAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", resource.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + resource.DatabaseName.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        await HealthProbes.PostgresAsync((await Database.GetConnectionStringAsync(cancellationToken))!, cancellationToken);
}
