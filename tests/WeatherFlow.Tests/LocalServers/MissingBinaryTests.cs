using WeatherFlow.AppHost.LocalServers;
namespace WeatherFlow.Tests.LocalServers;

/// <summary>A local server whose binary is not installed fails while the model is built, saying what to install.</summary>
public sealed class MissingBinaryTests
{
    public static TheoryData<string, string> Servers => new()
    {
        { "PostgresDirectory", "apt-get install -y --no-install-recommends postgresql" },
        { "RedisDirectory", "apt-get install -y --no-install-recommends redis-server" },
        { "RabbitMQDirectory", "apt-get install -y --no-install-recommends rabbitmq-server" },
        { "ErlangDirectory", "apt-get install -y --no-install-recommends rabbitmq-server" },
        { "NodeDirectory", "Node.js 20" },
        { "AzuriteDirectory", $"eng/install-prerequisites.sh (npm install --prefix <folder> azurite@{ServerBinary.AzuriteVersion})" },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void Missing_binary_fails_at_once_saying_what_to_install(string directoryKey, string installation)
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
                builder.AddLocalAzurite("blobs");
            });

            Assert.Contains("'/nonexistent/bin/", error.Message, StringComparison.Ordinal);
            Assert.Contains(installation, error.Message, StringComparison.Ordinal);
            Assert.Contains($"AppHost:Binaries:{directoryKey}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }
}
