using System.Diagnostics;

namespace WeatherFlow.Hosting.Orchestration;

internal static class FileOwnership
{
    /// <summary>chown -R: .NET has no API for changing a file's owner.</summary>
    public static async Task GiveAsync(string path, string user, CancellationToken cancellationToken)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]) { UseShellExecute = false })
            ?? throw new DistributedApplicationException("Could not start chown.");
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"chown -R {user} {path} failed with exit code {chown.ExitCode}.");
        }
    }
}
