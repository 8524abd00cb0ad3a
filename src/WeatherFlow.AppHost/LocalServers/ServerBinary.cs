namespace WeatherFlow.AppHost.LocalServers;

/// <summary>A server executable (or script), the configuration key of its folder, and how to install it.</summary>
public sealed record ServerBinary(string FileName, string DirectoryKey, Func<string> DefaultDirectory, string Installation)
{
    /// <summary>The version eng/install-prerequisites.sh installs.</summary>
    public const string AzuriteVersion = "3.37.0";

    public static readonly ServerBinary Postgres = new("postgres", "PostgresDirectory", NewestPostgres, DebianPackage("postgresql"));
    public static readonly ServerBinary InitDb = new("initdb", "PostgresDirectory", NewestPostgres, DebianPackage("postgresql"));
    public static readonly ServerBinary Redis = new("redis-server", "RedisDirectory", () => "/usr/bin", DebianPackage("redis-server"));
    // Debian's /usr/sbin wrapper switches user and logs to /var/log; the real script is here.
    public static readonly ServerBinary RabbitMQ = new("rabbitmq-server", "RabbitMQDirectory", () => "/usr/lib/rabbitmq/bin", DebianPackage("rabbitmq-server"));
    public static readonly ServerBinary Epmd = new("epmd", "ErlangDirectory", () => "/usr/bin", DebianPackage("rabbitmq-server"));
    public static readonly ServerBinary Node = new("node", "NodeDirectory", () => "/usr/bin", "Install Node.js 20 or later (the nodejs package)");
    // The blob service's own entry point, run by Node itself: the package's bin link would take whichever node is first on PATH.
    public static readonly ServerBinary AzuriteBlob = new(Path.Combine("node_modules", "azurite", "dist", "src", "blob", "main.js"), "AzuriteDirectory", AzuriteFolder,
        $"Install azurite {AzuriteVersion} from npm with eng/install-prerequisites.sh (npm install --prefix <folder> azurite@{AzuriteVersion})");

    private static string DebianPackage(string package) =>
        $"Install the Debian package '{package}' (as root: apt-get install -y --no-install-recommends {package})";

    /// <summary>Where eng/install-prerequisites.sh puts Azurite: a shared folder for root, the user's data folder otherwise.</summary>
    private static string AzuriteFolder() => Environment.IsPrivilegedProcess
        ? "/opt/weatherflow/azurite"
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "weatherflow", "azurite");

    private static string NewestPostgres() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault() ?? "/usr/lib/postgresql/15/bin"
        : "/usr/lib/postgresql/15/bin";
}
