namespace WeatherFlow.Hosting.ApplicationModel;

public sealed class PostgresServerResource(string name, ParameterResource password)
    : ContainerResource(name, "docker.io/library/postgres", "17.6"), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Database resource name → database name.</summary>
    public IDictionary<string, string> Databases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    ValueTask<string?> IResourceWithConnectionString.GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ExistingConnectionString is { } existing ? new(existing) : ConnectionStringExpression.GetValueAsync(cancellationToken);
}
