using System.Text.Json.Nodes;
using WeatherFlow.TestSupport;
using WeatherFlow.Tests.Publishing;

namespace WeatherFlow.Tests.Deployment;

/// <summary>What <c>azd up</c> reads, made once for a test class: the AppHost's manifest, <c>infra/main.bicep</c>
/// compiled, and the azd environment its outputs give the container-app templates.</summary>
public sealed class DeploymentArtifacts : IAsyncLifetime
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("weatherflow-deployment-").FullName;

    public static string InfraDirectory { get; } = Path.Combine(PythonModule.RepositoryRoot, "infra");

    public JsonObject Manifest { get; private set; } = null!;

    public ArmTemplate Template { get; private set; } = null!;

    /// <summary>main.bicep's outputs as azd writes them to its environment, at the parameters' defaults; a value
    /// known only once deployed is named after its output.</summary>
    public IReadOnlyDictionary<string, string> AzdEnvironment { get; private set; } = null!;

    /// <summary>Manifest resources that azd deploys as container apps, each from its template.</summary>
    public IEnumerable<string> ContainerApps => Manifest
        .Where(r => ((string)r.Value!["type"]!).StartsWith("project.", StringComparison.Ordinal) || ((string)r.Value!["type"]!).StartsWith("container.", StringComparison.Ordinal))
        .Select(r => r.Key);

    public ContainerAppTemplate ContainerApp(string name) => ContainerAppTemplate.Load(name, AzdEnvironment);

    public async Task InitializeAsync()
    {
        Manifest = await AppHostCommands.PublishManifestAsync(_workDirectory);
        Template = ArmTemplate.Read(await Bicep.BuildAsync(Path.Combine(InfraDirectory, "main.bicep")));
        AzdEnvironment = Template.Outputs!.ToDictionary(
            output => output.Key,
            output => Template.Resolve(output.Value!["value"]) is JsonValue value && !((string?)value.ToString())!.StartsWith('[')
                ? value.ToString()
                : $"deployed-{output.Key.ToLowerInvariant()}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
