using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class PostgresBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? builder.CreateGeneratedParameter($"{name}-password", special: true);
        var postgres = new PostgresServerResource(name, passwordParameter);
        postgres.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", targetPort: 5432) { Port = port });
        postgres.EnvironmentCallbacks.Add(context =>
        {
            context.EnvironmentVariables["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256";
            context.EnvironmentVariables["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256";
            context.EnvironmentVariables["POSTGRES_USER"] = PostgresServerResource.UserName;
            context.EnvironmentVariables["POSTGRES_PASSWORD"] = passwordParameter;
        });
        return builder.AddResource(postgres);
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name,
        string? databaseName = null)
    {
        databaseName ??= name;
        builder.Resource.Databases[name] = databaseName;
        return builder.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName, builder.Resource));
    }
}
