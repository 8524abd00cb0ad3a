using WeatherFlow.Hosting.Tests.Infrastructure;

namespace WeatherFlow.Hosting.Tests;

public sealed class MissingBinaryTests
{
    [Theory]
    [InlineData("PostgresDirectory", "postgresql")]
    [InlineData("RedisDirectory", "redis-server")]
    [InlineData("RabbitMQDirectory", "rabbitmq-server")]
    public async Task Start_fails_fast_naming_the_Debian_package_when_a_server_binary_is_missing(string directoryOption, string debianPackage)
    {
        var emptyDirectory = Directory.CreateTempSubdirectory("weatherflow-no-binaries-").FullName;
        await using var host = new TestAppHost($"--AppHost:Binaries:{directoryOption}={emptyDirectory}");
        host.Builder.AddPostgres("postgres");
        host.Builder.AddRedis("cache");
        host.Builder.AddRabbitMQ("messaging");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => host.App.StartAsync());

        Assert.Contains(emptyDirectory, error.Message);
        Assert.Contains($"apt-get install -y --no-install-recommends {debianPackage}", error.Message);
        Assert.All(["postgres", "cache", "messaging"], name => Assert.Empty(host.App.GetProcessIds(name)));
        Directory.Delete(emptyDirectory);
    }
}
