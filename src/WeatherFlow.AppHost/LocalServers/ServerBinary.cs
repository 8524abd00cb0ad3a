namespace Aspire.Hosting;

/// <summary>A server executable, the configuration key of its folder, and the Debian package that installs it.</summary>
public sealed record ServerBinary(string FileName, string DirectoryKey, Func<string> DefaultDirectory, string DebianPackage)
{
    public static readonly ServerBinary Postgres = new("postgres", "PostgresDirectory", NewestPostgres, "postgresql");
    public static readonly ServerBinary InitDb = new("initdb", "PostgresDirectory", NewestPostgres, "postgresql");
    public static readonly ServerBinary Redis = new("redis-server", "RedisDirectory", () => "/usr/bin", "redis-server");
    // Debian's /usr/sbin wrapper switches user and logs to /var/log; the real script is here.
    public static readonly ServerBinary RabbitMQ = new("rabbitmq-server", "RabbitMQDirectory", () => "/usr/lib/rabbitmq/bin", "rabbitmq-server");
    public static readonly ServerBinary Epmd = new("epmd", "ErlangDirectory", () => "/usr/bin", "rabbitmq-server");

    private static string NewestPostgres() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault() ?? "/usr/lib/postgresql/15/bin"
        : "/usr/lib/postgresql/15/bin";
}
