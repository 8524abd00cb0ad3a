namespace WeatherFlow.Hosting.Tests;

public sealed class PublishModeTests
{
    [Fact]
    public async Task Publish_mode_writes_the_manifest_and_starts_nothing()
    {
        var output = Directory.CreateTempSubdirectory("weatherflow-publish-").FullName;
        var stateDirectory = Path.Combine(output, "state");
        try
        {
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
            {
                Args = ["--publisher", "manifest", "--output-path", output, $"--AppHost:StateDirectory={stateDirectory}"],
            });
            builder.AddRedis("cache");
            await using var app = builder.Build();

            await app.RunAsync();

            Assert.True(File.Exists(Path.Combine(output, "aspire-manifest.json")));
            Assert.False(Directory.Exists(stateDirectory), "publishing must not create passwords, ports or data");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
