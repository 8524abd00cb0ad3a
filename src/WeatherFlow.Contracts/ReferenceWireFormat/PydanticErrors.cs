using System.Text.Json;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>pydantic v2's error types and messages, as FastAPI serialises them.</summary>
internal static class PydanticErrors
{
    private static readonly JsonElement EmptyErrorContext = Context("{\"error\":{}}");

    public static JsonElement Context(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Null { get; } = Context("null");

    public static JsonElement EmptyObject { get; } = Context("{}");

    public static ConfigError Type(IReadOnlyList<object> location, string type, string message, JsonElement input) =>
        new(type, location, message, input);

    public static ConfigError ValueError(IReadOnlyList<object> location, string message, JsonElement input) =>
        new("value_error", location, $"Value error, {message}", input, EmptyErrorContext);

    public static ConfigError ModelType(IReadOnlyList<object> location, string className, JsonElement input) =>
        new("model_type", location, $"Input should be a valid dictionary or instance of {className}", input,
            Context($"{{\"class_name\":\"{className}\"}}"));

    public static ConfigError ModelAttributesType(JsonElement input) =>
        new("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from", input);

    public static ConfigError Missing() => new("missing", ["body"], "Field required", Null);

    public static ConfigError JsonInvalid(int position, string error) =>
        new("json_invalid", ["body", position], "JSON decode error", EmptyObject, Context($"{{\"error\":\"{JsonEncodedText.Encode(error)}\"}}"));
}
