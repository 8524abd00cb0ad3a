using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace WeatherFlow.Hosting;

/// <summary>
/// The AppHost's state folder, outside the source tree: generated passwords, preferred ports and the servers'
/// data, kept across restarts. <c>AppHost:StateDirectory</c> overrides where it is.
/// </summary>
public sealed class AppHostState
{
    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly Lock _gate = new();
    private readonly string _valuesFile;

    public AppHostState(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        // Servers run as their own users (postgres) and must be able to reach their data folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, ReadableDirectory);
        }
        _valuesFile = Path.Combine(directory, "values.json");
    }

    public const UnixFileMode ReadableDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public string Directory { get; }

    public string GetOrCreateSecret(string name) =>
        GetOrCreate($"parameters:{name}", () => RandomNumberGenerator.GetString(Alphanumerics, 22));

    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_gate)
        {
            var value = Get(key);
            if (value is null)
            {
                Set(key, value = create());
            }
            return value;
        }
    }

    public string? Get(string key)
    {
        lock (_gate)
        {
            return Read().GetValueOrDefault(key);
        }
    }

    public void Set(string key, string value)
    {
        lock (_gate)
        {
            var values = Read();
            values[key] = value;
            File.WriteAllText(_valuesFile, JsonSerializer.Serialize(values));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_valuesFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    public string SubDirectory(params string[] parts)
    {
        var path = Path.Combine([Directory, .. parts]);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Root runs postgres as the postgres user, which cannot enter /root, so root keeps its state in /var/lib.
    /// </summary>
    public static string ResolveDirectory(IConfiguration configuration, string appHostDirectory)
    {
        if (configuration["AppHost:StateDirectory"] is { Length: > 0 } configured)
        {
            return configured;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHostDirectory))))[..12];
        var root = Environment.IsPrivilegedProcess
            ? "/var/lib/weatherflow"
            : Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? Path.Combine(xdg, "weatherflow")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "weatherflow");
        return Path.Combine(root, hash);
    }

    private Dictionary<string, string> Read() => File.Exists(_valuesFile)
        ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_valuesFile)) ?? []
        : [];
}
