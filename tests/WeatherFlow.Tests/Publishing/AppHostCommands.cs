using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WeatherFlow.Tests.Publishing;

/// <summary>The AppHost and the .NET SDK run as azd runs them, as processes in a working folder of the test's.</summary>
public static class AppHostCommands
{
    /// <summary>The manifest azd reads: the AppHost with Aspire's manifest publisher, its <c>resources</c> object.</summary>
    public static async Task<JsonObject> PublishManifestAsync(string workDirectory)
    {
        var path = Path.Combine(workDirectory, "manifest", "aspire-manifest.json");
        var (exitCode, output) = await RunAppHostAsync(workDirectory, ["--publisher", "manifest", "--output-path", Path.GetDirectoryName(path)!]);
        Assert.True(exitCode == 0, output);
        return JsonNode.Parse(await File.ReadAllTextAsync(path))!["resources"]!.AsObject();
    }

    /// <summary>As azd calls it: <c>dotnet run --project AppHost.csproj --publisher manifest …</c> (here without a rebuild).</summary>
    public static Task<(int ExitCode, string Output)> RunAppHostAsync(string workDirectory, string[] args) =>
        RunDotnetAsync(workDirectory, ["run", "--no-build", "--no-launch-profile", "--project", Projects.WeatherFlow_AppHost.ProjectPath, .. args]);

    public static async Task<(int ExitCode, string Output)> RunDotnetAsync(string workDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = TestTimeout.Runs();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
