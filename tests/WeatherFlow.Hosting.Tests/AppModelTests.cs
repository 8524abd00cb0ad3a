using System.Text.RegularExpressions;
using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

/// <summary>The same model renders as manifest placeholders when publishing and as concrete values when running.</summary>
public sealed partial class AppModelTests
{
    [Fact]
    public void Connection_strings_and_references_render_as_manifest_placeholders()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--publisher", "manifest"] });
        var (weatherDb, api, web) = Compose(builder);

        Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            weatherDb.Parent.ConnectionStringExpression.ValueExpression);
        Assert.Equal("{postgres.connectionString};Database=weatherdb", weatherDb.ConnectionStringExpression.ValueExpression);
        var apiEnvironment = Environment(api, builder.ExecutionContext);
        Assert.Equal("{weatherdb.connectionString}", Placeholder(apiEnvironment["ConnectionStrings__weatherdb"]));
        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}",
            builder.Resources.OfType<RedisResource>().Single().ConnectionStringExpression.ValueExpression);
        Assert.Equal("amqp://guest:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
            builder.Resources.OfType<RabbitMQServerResource>().Single().ConnectionStringExpression.ValueExpression);
        Assert.Equal("{api.bindings.http.targetPort}", Placeholder(apiEnvironment["HTTP_PORTS"]));
        var webEnvironment = Environment(web, builder.ExecutionContext);
        Assert.Equal("{api.bindings.http.url}", Placeholder(webEnvironment["services__api__http__0"]));
        Assert.Equal("{api.bindings.http.url}", Placeholder(webEnvironment["API_HTTP"]));
        Assert.Equal("{api.bindings.https.url}", Placeholder(webEnvironment["services__api__https__0"]));
        Assert.Equal(["http", "https"], web.Endpoints.Select(e => e.Name));
        Assert.All(web.Endpoints, e => Assert.True(e.IsExternal));
        Assert.All(api.Endpoints, e => Assert.False(e.IsExternal));
    }

    [Fact]
    public async Task Run_mode_resolves_loopback_endpoints_and_passwords_generated_once_per_state_folder()
    {
        var stateDirectory = Directory.CreateTempSubdirectory("weatherflow-model-").FullName;
        try
        {
            var first = await WeatherDbConnectionStringAsync(stateDirectory);
            var second = await WeatherDbConnectionStringAsync(stateDirectory);

            var match = PostgresConnectionString().Match(first);
            Assert.True(match.Success, first);
            Assert.InRange(int.Parse(match.Groups["port"].Value), 1024, 32767);
            Assert.Equal(match.Groups["password"].Value, PostgresConnectionString().Match(second).Groups["password"].Value);
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private static async Task<string> WeatherDbConnectionStringAsync(string stateDirectory)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [$"--AppHost:StateDirectory={stateDirectory}", "--AppHost:RandomizePorts=true"],
        });
        var (weatherDb, _, _) = Compose(builder);
        await using var app = builder.Build();
        return (await ((IResourceWithConnectionString)weatherDb).GetConnectionStringAsync())!;
    }

    private static (PostgresDatabaseResource WeatherDb, ProjectResource Api, ProjectResource Web) Compose(IDistributedApplicationBuilder builder)
    {
        var weatherDb = builder.AddPostgres("postgres").AddDatabase("weatherdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        var api = builder.AddProject<Projects.WeatherFlow_Api>("api")
            .WithReference(weatherDb).WithReference(cache).WithReference(messaging);
        var web = builder.AddProject<Projects.WeatherFlow_Web>("web").WithExternalHttpEndpoints().WithReference(api);
        return (weatherDb.Resource, api.Resource, web.Resource);
    }

    private static Dictionary<string, object> Environment(IResourceWithEnvironment resource, DistributedApplicationExecutionContext executionContext)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource);
        foreach (var callback in resource.EnvironmentCallbacks)
        {
            callback(context);
        }
        return context.EnvironmentVariables;
    }

    private static string Placeholder(object value) => Assert.IsAssignableFrom<IManifestExpressionProvider>(value).ValueExpression;

    [GeneratedRegex("^Host=127\\.0\\.0\\.1;Port=(?<port>\\d+);Username=postgres;Password=(?<password>[A-Za-z0-9]{22});Database=weatherdb$")]
    private static partial Regex PostgresConnectionString();
}
