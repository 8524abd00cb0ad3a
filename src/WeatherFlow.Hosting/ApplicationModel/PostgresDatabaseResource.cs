namespace WeatherFlow.Hosting.ApplicationModel;

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    /// <summary>A connection string configured in the AppHost (<c>ConnectionStrings:{name}</c>) that replaces this database.</summary>
    public string? ExistingConnectionString { get; internal set; }

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{(IResourceWithConnectionString)Parent};Database={DatabaseName}");

    ValueTask<string?> IResourceWithConnectionString.GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ExistingConnectionString is { } existing ? new(existing) : ConnectionStringExpression.GetValueAsync(cancellationToken);
}
