using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeatherFlow.TestSupport;
using YamlDotNet.Serialization;

namespace WeatherFlow.Tests.Deployment;

/// <summary>
/// A container-app template azd deploys (<c>src/WeatherFlow.AppHost/infra/{name}.tmpl.yaml</c>), rendered as azd
/// renders it: <c>{{ .Env.NAME }}</c> from the azd environment (here: <paramref name="environment"/>, as main.bicep's
/// outputs fill it; azd fails a deploy on a missing name, and so does this), <c>{{ .Image }}</c>, and
/// <c>{{ if .Env.NAME }}</c> blocks kept. Read as JSON, every scalar a string.
/// </summary>
public sealed partial record ContainerAppTemplate(string Name, JsonObject Document, IReadOnlyList<string> EnvironmentNames)
{
    public static string DirectoryPath { get; } = Path.Combine(PythonModule.RepositoryRoot, "src", "WeatherFlow.AppHost", "infra");

    public static string PathOf(string name) => Path.Combine(DirectoryPath, $"{name}.tmpl.yaml");

    public static ContainerAppTemplate Load(string name, IReadOnlyDictionary<string, string> environment)
    {
        var text = File.ReadAllText(PathOf(name));
        var names = EnvironmentReference().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.All(names, n => Assert.True(environment.ContainsKey(n), $"{name}.tmpl.yaml reads {{{{ .Env.{n} }}}}, which main.bicep does not output"));
        var rendered = Block().Replace(text, "");
        rendered = EnvironmentReference().Replace(rendered, m => environment[m.Groups["name"].Value]);
        rendered = rendered.Replace("{{ .Image }}", $"registry.example/weatherflow-{name}:1");
        Assert.DoesNotContain("{{", rendered);
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(rendered);
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml!);
        return new(name, JsonNode.Parse(json)!.AsObject(), names);
    }

    public JsonObject Properties => Document["properties"]!.AsObject();

    public IEnumerable<JsonObject> Secrets => Properties["configuration"]?["secrets"]?.AsArray().Select(s => s!.AsObject()) ?? [];

    public IEnumerable<JsonObject> Containers => Properties["template"]!["containers"]!.AsArray().Select(c => c!.AsObject());

    public IEnumerable<JsonObject> Environment => Containers.SelectMany(c => c["env"]?.AsArray().Select(e => e!.AsObject()) ?? []);

    [GeneratedRegex(@"\{\{ \.Env\.(?<name>[A-Z0-9_]+) \}\}")]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"^\{\{-? (if \.Env\.[A-Z0-9_]+|end) \}\}\n", RegexOptions.Multiline)]
    private static partial Regex Block();
}
