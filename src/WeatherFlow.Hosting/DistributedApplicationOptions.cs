using System.Reflection;

namespace WeatherFlow.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>The AppHost's assembly; its metadata says where the AppHost project lives.</summary>
    public Assembly? AppHostAssembly { get; init; }
}
