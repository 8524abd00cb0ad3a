using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeatherFlow.Tests.Publishing;

/// <summary>What azd accepts of a manifest beyond the JSON schema (Azure/azure-dev pkg/apphost generate.go, eval.go).</summary>
public static partial class ManifestRules
{
    public static readonly IReadOnlySet<string> AzdResourceTypes = new HashSet<string>
    {
        "project.v0", "project.v1", "container.v0", "container.v1", "dockerfile.v0", "dapr.v0", "dapr.component.v0",
        "parameter.v0", "value.v0", "annotated.string", "azure.bicep.v0", "azure.bicep.v1",
    };

    private static readonly IReadOnlySet<string> BindingProperties = new HashSet<string>
    {
        "url", "host", "port", "targetPort", "scheme", "protocol", "transport", "external",
    };

    /// <summary>Every <c>{resource.property}</c> placeholder azd could not evaluate, with where it was found.</summary>
    public static IEnumerable<string> UnresolvablePlaceholders(JsonObject resources)
    {
        foreach (var (owner, placeholder) in Placeholders(resources))
        {
            if (!IsResolvable(resources, owner, placeholder))
            {
                yield return $"{owner}: {{{placeholder}}}";
            }
        }
    }

    public static IEnumerable<(string Owner, string Placeholder)> Placeholders(JsonObject resources) =>
        from resource in resources
        from text in Strings(resource.Value!)
        from Match match in Placeholder().Matches(text)
        select (resource.Key, match.Groups[1].Value);

    private static bool IsResolvable(JsonObject resources, string owner, string placeholder)
    {
        var path = placeholder.Split('.');
        if (resources[path[0]] is not JsonObject target)
        {
            return false;
        }
        return path[1..] switch
        {
            ["connectionString"] => target["connectionString"] is not null,
            ["value"] => (string?)target["type"] is "parameter.v0" or "value.v0" or "annotated.string",
            ["inputs", var input] => path[0] == owner && target["inputs"]?[input] is not null,
            ["bindings", var binding, var property] => target["bindings"]?[binding] is not null && BindingProperties.Contains(property),
            _ => false,
        };
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray array => array.SelectMany(n => n is null ? [] : Strings(n)),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    // azd's grammar: a placeholder is {path}; {{ and }} are literal braces.
    [GeneratedRegex(@"(?<!\{)\{([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)+)\}(?!\})")]
    private static partial Regex Placeholder();
}
