using System.Text.Json.Nodes;
using NJsonSchema;

namespace WeatherFlow.Tests.Publishing;

/// <summary>Aspire's published manifest schema (aspire-8.0.json, MIT, copied from dotnet/aspire src/Schema).</summary>
public static class AspireManifestSchema
{
    public static async Task<JsonSchema> LoadAsync()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Publishing", "aspire-8.0.schema.json")))!;
        Normalize(schema);
        return await JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    /// <summary>
    /// NJsonSchema reads neither draft-07 boolean subschemas such as <c>"build": false</c> nor <c>const</c>; the
    /// rewrites mean exactly the same: <c>{"not": {}}</c> or <c>{}</c>, and a one-value <c>enum</c>.
    /// </summary>
    private static void Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["const"] is { } constant)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(constant.DeepClone());
                }
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var name in properties.Where(p => p.Value is JsonValue).Select(p => p.Key).ToList())
                    {
                        properties[name] = properties[name]!.GetValue<bool>() ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
                    }
                }
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>())
                {
                    Normalize(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Normalize(child);
                }
                break;
        }
    }
}
