using Microsoft.Extensions.Configuration;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Where Debian's packages put the servers' executables. Configurable under <c>AppHost:Binaries</c>
/// (<c>PostgresDirectory</c>, <c>RedisDirectory</c>, <c>RabbitMQDirectory</c>, <c>ErlangDirectory</c>).
/// </summary>
internal sealed class ServerBinaries(IConfiguration configuration)
{
    private readonly IConfiguration _section = configuration.GetSection("AppHost:Binaries");

    public string PostgresDirectory => _section["PostgresDirectory"] ?? NewestPostgres() ?? "/usr/lib/postgresql/15/bin";

    public string RedisDirectory => _section["RedisDirectory"] ?? "/usr/bin";

    public string RabbitMQDirectory => _section["RabbitMQDirectory"] ?? "/usr/lib/rabbitmq/bin";

    /// <summary>epmd, Erlang's port mapper, comes with rabbitmq-server's dependencies.</summary>
    public string ErlangDirectory => _section["ErlangDirectory"] ?? "/usr/bin";

    private static string? NewestPostgres() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "postgres")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault()
        : null;
}

/// <summary>An executable a resource needs, and the Debian package that provides it.</summary>
internal sealed record ServerBinary(string ResourceName, string Path, string DebianPackage)
{
    public void EnsureExists()
    {
        if (!File.Exists(Path))
        {
            throw new DistributedApplicationException(
                $"Resource '{ResourceName}' needs '{Path}', which does not exist. Install the Debian package " +
                $"'{DebianPackage}' (as root: apt-get install -y --no-install-recommends {DebianPackage}).");
        }
    }
}
