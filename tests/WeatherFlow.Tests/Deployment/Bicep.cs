using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace WeatherFlow.Tests.Deployment;

/// <summary>The Bicep compiler of the Azure.Bicep.CommandLine package, run on the committed <c>infra/</c>.</summary>
public static class Bicep
{
    // The package's props write the path with a Windows separator.
    private static readonly string Executable = Path.GetFullPath(typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/'));

    /// <returns>The exit code, what the compiler wrote (templates) and what it said (diagnostics).</returns>
    public static async Task<(int ExitCode, string Output, string Diagnostics)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = TestTimeout.Requests();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, (await stderr).Trim());
    }

    /// <summary>A Bicep file compiled to its ARM template; a compile error fails the test.</summary>
    public static async Task<JsonObject> BuildAsync(string file)
    {
        var (exitCode, template, diagnostics) = await RunAsync("build", file, "--stdout");
        Assert.True(exitCode == 0, diagnostics);
        return (JsonObject)JsonNode.Parse(template)!;
    }
}
