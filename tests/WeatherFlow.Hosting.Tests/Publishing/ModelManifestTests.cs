using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using WeatherFlow.Hosting.Publishing;

namespace WeatherFlow.Hosting.Tests.Publishing;

/// <summary>The manifest is rendered from whatever app model it is given, not kept as a file.</summary>
public sealed class ModelManifestTests : IDisposable
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("weatherflow-model-manifest-").FullName;

    [Fact]
    public async Task A_changed_app_model_changes_the_manifest()
    {
        var full = await PublishAsync("full", builder =>
        {
            var (_, api) = AddBackend(builder);
            builder.AddProject<Projects.WeatherFlow_Web>("web").WithExternalHttpEndpoints().WithReference(api);
        });
        var changed = await PublishAsync("changed", builder =>
        {
            var (weatherDb, api) = AddBackend(builder);
            builder.AddProject<Projects.WeatherFlow_Trainer>("reports").WithReference(weatherDb).WithReference(api);
        });

        Assert.Contains("web", full.Select(r => r.Key));
        Assert.DoesNotContain("reports", full.Select(r => r.Key));
        Assert.DoesNotContain("web", changed.Select(r => r.Key));
        var reports = changed["reports"]!;
        Assert.Equal("project.v0", (string)reports["type"]!);
        Assert.EndsWith("src/WeatherFlow.Trainer/WeatherFlow.Trainer.csproj", (string)reports["path"]!);
        Assert.Equal("{weatherdb.connectionString}", (string)reports["env"]!["ConnectionStrings__weatherdb"]!);
        Assert.Equal("{api.bindings.http.url}", (string)reports["env"]!["services__api__http__0"]!);
        Assert.Null(reports["bindings"]!["http"]!["external"]);
        Assert.Empty(ManifestRules.UnresolvablePlaceholders(changed));
    }

    [Fact]
    public async Task Only_referenced_parameters_are_listed()
    {
        var resources = await PublishAsync("redis-only", builder => builder.AddRedis("cache"));

        Assert.Equal(["cache", "cache-password"], resources.Select(r => r.Key));
    }

    [Fact]
    public async Task A_local_executable_is_refused_because_azd_cannot_deploy_it()
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            PublishAsync("executable", builder => builder.AddExecutable("tool", "/bin/true", "/")));

        Assert.Contains("'tool'", error.Message);
    }

    private static (IResourceBuilder<PostgresDatabaseResource> WeatherDb, IResourceBuilder<ProjectResource> Api) AddBackend(IDistributedApplicationBuilder builder)
    {
        var weatherDb = builder.AddPostgres("postgres").AddDatabase("weatherdb");
        var api = builder.AddProject<Projects.WeatherFlow_Api>("api").WithReference(weatherDb);
        return (weatherDb, api);
    }

    private async Task<JsonObject> PublishAsync(string name, Action<IDistributedApplicationBuilder> compose)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--publisher", "manifest"] });
        compose(builder);
        var path = await ManifestPublisher.PublishAsync(new DistributedApplicationModel(builder.Resources), builder.ExecutionContext,
            Path.Combine(_outputDirectory, name), NullLogger.Instance, CancellationToken.None);
        return JsonNode.Parse(await File.ReadAllTextAsync(path))!["resources"]!.AsObject();
    }

    public void Dispose() => Directory.Delete(_outputDirectory, recursive: true);
}
