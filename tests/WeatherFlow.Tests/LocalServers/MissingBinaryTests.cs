namespace WeatherFlow.Tests.LocalServers;

/// <summary>A local server whose binary is not installed fails while the model is built, naming the Debian package.</summary>
public sealed class MissingBinaryTests
{
    public static TheoryData<string, string> Servers => new()
    {
        { "PostgresDirectory", "postgresql" },
        { "RedisDirectory", "redis-server" },
        { "RabbitMQDirectory", "rabbitmq-server" },
        { "ErlangDirectory", "rabbitmq-server" },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void Missing_binary_fails_at_once_naming_the_debian_package(string directoryKey, string debianPackage)
    {
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        try
        {
            var builder = DistributedApplication.CreateBuilder(
                [$"AppHost:StateDirectory={state.FullName}", $"AppHost:Binaries:{directoryKey}=/nonexistent/bin"]);

            var error = Assert.Throws<DistributedApplicationException>(() =>
            {
                builder.AddLocalPostgres("postgres").AddDatabase("weatherdb");
                builder.AddLocalRedis("cache");
                builder.AddLocalRabbitMQ("messaging");
            });

            Assert.Contains("'/nonexistent/bin/", error.Message, StringComparison.Ordinal);
            Assert.Contains($"apt-get install -y --no-install-recommends {debianPackage}", error.Message, StringComparison.Ordinal);
            Assert.Contains($"AppHost:Binaries:{directoryKey}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }
}
