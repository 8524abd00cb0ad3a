using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Where the local servers keep their data and find their binaries. The state folder lies outside the source tree
/// and survives restarts (<c>AppHost:StateDirectory</c> moves it); binaries are Debian's (Azurite: npm's, where
/// eng/install-prerequisites.sh puts it) unless <c>AppHost:Binaries:{Postgres,Redis,RabbitMQ,Erlang,Node,Azurite}Directory</c>
/// says otherwise.
/// </summary>
public static class LocalServerEnvironment
{
    /// <summary>How long a server's health check may take. A server that takes the connection and then hangs must
    /// turn Unhealthy soon, not hold the check for the client's own timeouts (minutes, for RabbitMQ's).</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A resource's own folder, <c>{state}/{kind}/{name}</c>, readable by the server users root hands it to.</summary>
    public static string DataDirectory(IDistributedApplicationBuilder builder, string kind, string resourceName)
    {
        var state = StateDirectory(builder);
        var directory = Path.Combine(state, kind, resourceName);
        foreach (var path in (string[])[state, Path.Combine(state, kind), directory])
        {
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, Traversable);
            }
        }
        return directory;
    }

    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Writes a file only its owner may read: configuration files hold passwords.</summary>
    public static string WritePrivateFile(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    /// <summary>
    /// Root runs postgres as the postgres user, which cannot enter /root, so root keeps its state in /var/lib. The
    /// folder is keyed by the AppHost's path, so two checkouts never share data.
    /// </summary>
    public static string StateDirectory(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["AppHost:StateDirectory"] is { Length: > 0 } configured)
        {
            return configured;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.AppHostDirectory)))[..12];
        var root = Environment.IsPrivilegedProcess
            ? "/var/lib/weatherflow"
            : Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? Path.Combine(xdg, "weatherflow")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "weatherflow");
        return Path.Combine(root, hash);
    }

    /// <summary>The path of a server binary; fails at once, saying what to install, when it is not installed.</summary>
    public static string RequireBinary(IDistributedApplicationBuilder builder, string resourceName, ServerBinary binary)
    {
        var directory = builder.Configuration[$"AppHost:Binaries:{binary.DirectoryKey}"] ?? binary.DefaultDirectory();
        var path = Path.Combine(directory, binary.FileName);
        if (!File.Exists(path))
        {
            throw new DistributedApplicationException(
                $"Resource '{resourceName}' needs '{path}', which does not exist. {binary.Installation}, " +
                $"or set AppHost:Binaries:{binary.DirectoryKey}.");
        }
        return path;
    }
}
