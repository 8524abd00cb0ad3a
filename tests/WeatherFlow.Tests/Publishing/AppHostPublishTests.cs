using System.Text.Json.Nodes;

namespace WeatherFlow.Tests.Publishing;

/// <summary>Runs the real AppHost the way azd does (Aspire's own manifest publisher) and checks what it writes.</summary>
public sealed class AppHostPublishTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("weatherflow-manifest-").FullName;

    [Theory]
    [InlineData(true, "out/azd-manifest.json", "out/azd-manifest.json")]
    [InlineData(false, "out/folder", "out/folder/aspire-manifest.json")]
    public async Task Publish_mode_writes_a_valid_azd_manifest_and_starts_nothing(bool withSeparator, string outputPath, string expectedFile)
    {
        var stateDirectory = Path.Combine(_workDirectory, "state");
        // azd passes an absolute path; Aspire resolves a relative one against the AppHost's directory.
        string[] publishArgs = ["--publisher", "manifest", "--output-path", Path.Combine(_workDirectory, outputPath), $"--AppHost:StateDirectory={stateDirectory}"];

        var (exitCode, output) = await AppHostCommands.RunAppHostAsync(_workDirectory, withSeparator ? ["--", .. publishArgs] : publishArgs);

        Assert.True(exitCode == 0, output);
        var manifestPath = Path.Combine(_workDirectory, expectedFile);
        Assert.True(File.Exists(manifestPath), output);
        // Run mode creates the state folder for its local servers; publishing must never get that far.
        Assert.False(Directory.Exists(stateDirectory), "publishing created the run-mode state folder");

        var text = await File.ReadAllTextAsync(manifestPath);
        var errors = (await AspireManifestSchema.LoadAsync()).Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));

        var resources = JsonNode.Parse(text)!["resources"]!.AsObject();
        Assert.All(resources, r => Assert.Contains((string)r.Value!["type"]!, ManifestRules.AzdResourceTypes));
        Assert.Empty(ManifestRules.UnresolvablePlaceholders(resources));
        // The database is the managed server infra/ provisions; the broker and the cache are containers on volumes.
        Assert.Equal(("parameter.v0", "{weatherdb.value}"), ((string)resources["weatherdb"]!["type"]!, (string)resources["weatherdb"]!["connectionString"]!));
        Assert.DoesNotContain("postgres", resources.Select(r => r.Key));
        // Blob storage is the storage account infra/ provisions, given as a connection string.
        Assert.Equal(("parameter.v0", "{blobs.value}"), ((string)resources["blobs"]!["type"]!, (string)resources["blobs"]!["connectionString"]!));
        Assert.All(["cache", "messaging"], name => Assert.Equal("container.v0", (string)resources[name]!["type"]!));
        var external = resources.Where(r => r.Value!["bindings"]?.AsObject().Any(b => (bool?)b.Value!["external"] == true) == true);
        Assert.Equal(["web"], external.Select(r => r.Key));
    }

    [Fact]
    public async Task Every_project_in_the_manifest_is_set_up_for_sdk_container_publishing()
    {
        var (exitCode, output) = await AppHostCommands.RunAppHostAsync(_workDirectory, ["--publisher", "manifest", "--output-path", Path.Combine(_workDirectory, "out")]);
        Assert.True(exitCode == 0, output);
        var resources = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_workDirectory, "out", "aspire-manifest.json")))!["resources"]!.AsObject();
        var projects = resources.Where(r => ((string)r.Value!["type"]!).StartsWith("project.", StringComparison.Ordinal)).ToList();

        Assert.Equal(["api", "trainer", "web"], projects.Select(p => p.Key));
        foreach (var (name, project) in projects)
        {
            // azd publishes each project with /t:PublishContainer; the SDK computes its image settings in this target.
            var path = Path.Combine(_workDirectory, "out", (string)project!["path"]!);
            var (configExit, config) = await AppHostCommands.RunDotnetAsync(_workDirectory, ["msbuild", path, "-t:ComputeContainerConfig",
                "-getProperty:EnableSdkContainerSupport", "-getProperty:ContainerRepository", "-getProperty:ContainerBaseImage"]);
            Assert.True(configExit == 0, config);
            var properties = JsonNode.Parse(config)!["Properties"]!;
            Assert.Equal("true", (string)properties["EnableSdkContainerSupport"]!);
            Assert.Equal($"weatherflow-{name}", (string)properties["ContainerRepository"]!);
            Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", (string)properties["ContainerBaseImage"]!);
        }
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);
}
