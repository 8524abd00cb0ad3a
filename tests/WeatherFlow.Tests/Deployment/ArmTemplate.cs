using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeatherFlow.Tests.Deployment;

/// <summary>
/// A compiled ARM template read as Azure would deploy it with every parameter at its default: the resources of the
/// template and of its nested deployments (Bicep modules), with <c>[parameters('…')]</c> and <c>[variables('…')]</c>
/// resolved through the modules' parameters. Other expressions stay as written.
/// </summary>
public sealed partial class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly Func<string, JsonNode?> _parameter;

    private ArmTemplate(JsonObject template, Func<string, JsonNode?> parameter) => (_template, _parameter) = (template, parameter);

    public static ArmTemplate Read(JsonObject template) =>
        new(template, name => template["parameters"]?[name]?["defaultValue"]);

    /// <summary>Every resource, those of nested deployments included, each with the template that declares it.</summary>
    public IEnumerable<(string Type, JsonObject Resource, ArmTemplate Scope)> Resources()
    {
        var resources = _template["resources"] switch
        {
            JsonArray array => array.Select(r => (JsonObject)r!),
            JsonObject symbolic => symbolic.Select(r => (JsonObject)r.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var type = (string)resource["type"]!;
            yield return (type, resource, this);
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var values = resource["properties"]!["parameters"]?.AsObject();
                var module = new ArmTemplate(nested, name => values?[name] is { } given ? Resolve(given["value"]) : nested["parameters"]?[name]?["defaultValue"]);
                foreach (var inner in module.Resources())
                {
                    yield return inner;
                }
            }
        }
    }

    public IEnumerable<(JsonObject Resource, ArmTemplate Scope)> OfType(string type) =>
        Resources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).Select(r => (r.Resource, r.Scope));

    /// <summary>A value with a whole-string parameter or variable reference replaced by what it stands for.</summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        if (value is JsonValue text && text.TryGetValue<string>(out var expression) && Reference().Match(expression) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return match.Groups["kind"].Value == "parameters" ? _parameter(name) : Resolve(_template["variables"]?[name]);
        }
        return value;
    }

    public JsonObject Parameters => _template["parameters"]?.AsObject() ?? [];

    public JsonObject? Outputs => _template["outputs"]?.AsObject();

    public JsonNode? Variable(string name) => _template["variables"]?[name];

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)\]$")]
    private static partial Regex Reference();
}
