using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WeatherFlow.Contracts.Json;

/// <summary>The one way to write and read experiment documents so they match the reference server's JSON.</summary>
public static class ExperimentJson
{
    /// <summary>
    /// camelCase, compact, Python float reprs (<c>0.0</c>, <c>5e-05</c>). The source-generated contract types come
    /// first; reflection stays as a fallback so hosts can serialise wrappers (lists, envelopes) with the same options.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ExperimentJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ExperimentJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
