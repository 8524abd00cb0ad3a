using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// The postgres resource's cluster on disk: made once by initdb with the password parameter's value, then kept. A
/// cluster made with another password would refuse every connection, so a changed password fails the start clearly.
/// </summary>
internal static class PostgresCluster
{
    public static async Task EnsureCreatedAsync(string initdb, string directory, string dataDirectory, string? runAsUser,
        string password, CancellationToken cancellationToken)
    {
        var fingerprintFile = Path.Combine(directory, "password.sha256");
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            if (File.Exists(fingerprintFile) && (await File.ReadAllTextAsync(fingerprintFile, cancellationToken)).Trim() != fingerprint)
            {
                throw new DistributedApplicationException(
                    $"The Postgres cluster in '{dataDirectory}' was created with another password than the current " +
                    "postgres-password parameter (Aspire keeps it in the AppHost's user secrets). Restore that value, or " +
                    $"delete '{directory}' to start with an empty database.");
            }
            return;
        }
        if (Directory.Exists(dataDirectory))
        {
            // A half-made cluster from an interrupted first start: initdb refuses a non-empty directory.
            Directory.Delete(dataDirectory, recursive: true);
        }
        var passwordFile = Path.Combine(directory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (runAsUser is not null)
            {
                await RunAsync("chown", ["-R", $"{runAsUser}:{runAsUser}", directory], cancellationToken);
            }
            string[] initdbArguments = ["-D", dataDirectory, "-U", "postgres", "--pwfile", passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "-N"];
            await (runAsUser is null
                ? RunAsync(initdb, initdbArguments, cancellationToken)
                : RunAsync("setpriv", [$"--reuid={runAsUser}", $"--regid={runAsUser}", "--init-groups", initdb, .. initdbArguments], cancellationToken));
            await File.WriteAllTextAsync(fingerprintFile, fingerprint, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new DistributedApplicationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{command} failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }
}
