using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WeatherFlow.Hosting.Tests.Publishing;

/// <summary>Runs the real AppHost the way azd does and checks what it writes.</summary>
public sealed class AppHostPublishTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("weatherflow-manifest-").FullName;

    [Theory]
    [InlineData(true, "out/azd-manifest.json", "out/azd-manifest.json")]
    [InlineData(false, "out/azd-manifest.json", "out/azd-manifest.json")]
    [InlineData(true, "out/folder", "out/folder/aspire-manifest.json")]
    [InlineData(false, "out/folder/", "out/folder/aspire-manifest.json")]
    public async Task Publish_mode_writes_a_valid_azd_manifest_and_starts_nothing(bool withSeparator, string outputPath, string expectedFile)
    {
        var stateDirectory = Path.Combine(_workDirectory, "state");
        string[] publishArgs = ["--publisher", "manifest", "--output-path", outputPath, $"--AppHost:StateDirectory={stateDirectory}"];

        var (exitCode, output) = await RunAppHostAsync(withSeparator ? ["--", .. publishArgs] : publishArgs);

        Assert.True(exitCode == 0, output);
        var manifestPath = Path.Combine(_workDirectory, expectedFile);
        Assert.Contains($"Published manifest to: {manifestPath}", output);
        // Run mode creates the state folder before it starts any server; publishing must never get that far.
        Assert.False(Directory.Exists(stateDirectory), "publishing created the run-mode state folder");

        var text = await File.ReadAllTextAsync(manifestPath);
        var schema = await AspireManifestSchema.LoadAsync();
        var errors = schema.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));

        var resources = JsonNode.Parse(text)!["resources"]!.AsObject();
        Assert.All(resources, r => Assert.Contains((string)r.Value!["type"]!, ManifestRules.AzdResourceTypes));
        Assert.DoesNotContain(resources, r => (string)r.Value!["type"]! == "executable.v0");
        Assert.NotEmpty(ManifestRules.Placeholders(resources));
        Assert.Empty(ManifestRules.UnresolvablePlaceholders(resources));
        var apiProject = (string)resources["api"]!["path"]!;
        Assert.False(Path.IsPathRooted(apiProject), apiProject);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(manifestPath)!, apiProject)), apiProject);
    }

    [Fact]
    public async Task The_manifest_describes_the_WeatherFlow_app_model()
    {
        var (exitCode, output) = await RunAppHostAsync(["--publisher", "manifest", "--output-path", "m.json"]);
        Assert.True(exitCode == 0, output);
        var resources = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_workDirectory, "m.json")))!["resources"]!.AsObject();

        Assert.Equal(
            ["postgres", "weatherdb", "cache", "messaging", "api", "trainer", "web", "postgres-password", "cache-password", "messaging-password"],
            resources.Select(r => r.Key));
        Assert.Equal("container.v0", (string)resources["postgres"]!["type"]!);
        Assert.Null(resources["postgres"]!["volumes"]);
        Assert.Equal(5432, (int)resources["postgres"]!["bindings"]!["tcp"]!["targetPort"]!);
        Assert.Equal("{postgres.connectionString};Database=weatherdb", (string)resources["weatherdb"]!["connectionString"]!);
        Assert.Equal("value.v0", (string)resources["weatherdb"]!["type"]!);
        Assert.True((bool)resources["postgres-password"]!["inputs"]!["value"]!["secret"]!);

        var api = resources["api"]!;
        Assert.Equal("{weatherdb.connectionString}", (string)api["env"]!["ConnectionStrings__weatherdb"]!);
        Assert.Equal("{cache.connectionString}", (string)api["env"]!["ConnectionStrings__cache"]!);
        Assert.Equal("{messaging.connectionString}", (string)api["env"]!["ConnectionStrings__messaging"]!);
        Assert.Equal("{api.bindings.http.targetPort}", (string)api["env"]!["HTTP_PORTS"]!);
        Assert.Equal("true", (string)api["env"]!["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]!);
        Assert.Equal("in_memory", (string)api["env"]!["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"]!);
        Assert.Equal("{api.bindings.http.url}", (string)resources["web"]!["env"]!["services__api__http__0"]!);
        Assert.Equal("{api.bindings.https.url}", (string)resources["web"]!["env"]!["services__api__https__0"]!);
        foreach (var project in new[] { "api", "trainer", "web" })
        {
            var bindings = resources[project]!["bindings"]!.AsObject();
            Assert.Equal(["http", "https"], bindings.Select(b => b.Key));
            Assert.Equal(["http", "https"], bindings.Select(b => (string)b.Value!["scheme"]!));
            Assert.All(bindings, b => Assert.Null(b.Value!["targetPort"]));
        }

        var external = resources.Where(r => r.Value!["bindings"]?.AsObject().Any(b => (bool?)b.Value!["external"] == true) == true);
        Assert.Equal(["web"], external.Select(r => r.Key));
    }

    [Fact]
    public async Task Every_project_in_the_manifest_is_set_up_for_sdk_container_publishing()
    {
        var (exitCode, output) = await RunAppHostAsync(["--publisher", "manifest", "--output-path", "out"]);
        Assert.True(exitCode == 0, output);
        var resources = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_workDirectory, "out", "aspire-manifest.json")))!["resources"]!.AsObject();
        var projects = resources.Where(r => (string)r.Value!["type"]! == "project.v0").ToList();

        Assert.Equal(["api", "trainer", "web"], projects.Select(p => p.Key));
        foreach (var (name, project) in projects)
        {
            // azd publishes each project.v0 with /t:PublishContainer; the SDK computes its image settings in this target.
            var path = Path.Combine(_workDirectory, "out", (string)project!["path"]!);
            var (configExit, config) = await RunDotnetAsync(["msbuild", path, "-t:ComputeContainerConfig",
                "-getProperty:EnableSdkContainerSupport", "-getProperty:ContainerRepository", "-getProperty:ContainerBaseImage"]);
            Assert.True(configExit == 0, config);
            var properties = JsonNode.Parse(config)!["Properties"]!;
            Assert.Equal("true", (string)properties["EnableSdkContainerSupport"]!);
            Assert.Equal($"weatherflow-{name}", (string)properties["ContainerRepository"]!);
            Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", (string)properties["ContainerBaseImage"]!);
        }
    }

    private Task<(int ExitCode, string Output)> RunAppHostAsync(string[] args) =>
        RunDotnetAsync([Path.Combine(AppContext.BaseDirectory, "WeatherFlow.AppHost.dll"), .. args]);

    private async Task<(int ExitCode, string Output)> RunDotnetAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _workDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);
}
