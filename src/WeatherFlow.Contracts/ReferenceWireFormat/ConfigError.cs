using System.Text.Json;
using System.Text.Json.Serialization;
using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// One item of a FastAPI 422 body, <c>{"detail":[{type, loc, msg, input, ctx}]}</c>, with pydantic v2's error types
/// and messages. <see cref="Loc"/> starts with <c>"body"</c> and holds field names and list indexes.
/// </summary>
public sealed record ConfigError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("loc"), JsonConverter(typeof(ErrorLocationConverter))] IReadOnlyList<object> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("input"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? Input,
    [property: JsonPropertyName("ctx"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Ctx = null)
{
    /// <summary>A rule of the config as a whole that a field breaks, found after the fields were read (a dataset's, say).</summary>
    public static ConfigError Of(ConfigViolation violation) =>
        PydanticErrors.ValueError(["body", violation.Section, violation.Field], violation.Message, PydanticErrors.Null);
}
