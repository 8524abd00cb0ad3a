using System.Reflection;

namespace WeatherFlow.Hosting;

internal static class AppHostAssemblyInfo
{
    /// <summary>The AppHost csproj stamps its directory into the assembly (AssemblyMetadata "AppHostProjectPath").</summary>
    public static string ProjectDirectory(Assembly? appHostAssembly) =>
        appHostAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectPath")?.Value
        ?? AppContext.BaseDirectory;
}
