using System.Text;
using System.Text.Json;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Labels;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// Turns a request body into an <see cref="ExperimentConfig"/> exactly as the reference server's pydantic models
/// would (aliases and names, lax coercion, unknown keys ignored, defaults), and lists every failing field as FastAPI's
/// 422 items. It also rejects what would otherwise fail deep inside training; see <see cref="ConfigRules"/>.
/// </summary>
public static class ExperimentConfigReader
{
    public static ConfigReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (IsBlank(utf8Json))
        {
            return Invalid(PydanticErrors.Missing());
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        JsonElement body;
        try
        {
            body = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            return Invalid(PydanticErrors.JsonInvalid(CharPosition(utf8Json, exception), "Expecting value"));
        }
        try
        {
            if (reader.Read())
            {
                return Invalid(PydanticErrors.JsonInvalid(CharPosition(utf8Json, (int)reader.TokenStartIndex), "Extra data"));
            }
        }
        catch (JsonException exception)
        {
            return Invalid(PydanticErrors.JsonInvalid(CharPosition(utf8Json, exception), "Extra data"));
        }
        if (FirstUndecodableString(utf8Json) is { } at)
        {
            return Invalid(PydanticErrors.JsonInvalid(CharPosition(utf8Json, (int)at), "Invalid \\uXXXX escape"));
        }
        return Read(body);
    }

    public static ConfigReadResult Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid(PydanticErrors.ModelAttributesType(body.Clone()));
        }
        var errors = new List<ConfigError>();
        var root = new JsonFieldReader(body, ["body"], errors);
        var config = new ExperimentConfig
        {
            Dataset = ConfigSections.Dataset(root.Section("dataset", "dataset", "DatasetConfig")),
            Model = ConfigSections.Model(root.Section("model", "model", "ModelConfig")),
            Training = ConfigSections.Training(root.Section("training", "training", "TrainingConfig")),
            Simulation = ConfigSections.Simulation(root.Section("simulation", "simulation", "SimulationConfig")),
            Inference = ConfigSections.Inference(root.Section("inference", "inference", "InferenceConfig")),
            Evaluation = root.Has("evaluation", "evaluation") ? ConfigSections.Evaluation(root.Section("evaluation", "evaluation", "EvaluationConfig")) : null,
        };
        if (errors.Count == 0)
        {
            ConfigRules.Check(config, root);
        }
        var labels = LabelFields.Read(root);
        return errors.Count == 0 ? new(config, [], labels) : new(null, errors, ExperimentLabels.None);
    }

    private static ConfigReadResult Invalid(ConfigError error) => new(null, [error], ExperimentLabels.None);

    /// <summary>
    /// Where a string's escapes make no valid UTF-16, as a lone surrogate (<c>"\ud800"</c>) does; null when every
    /// string decodes. Python reads such a string, but .NET cannot, and Postgres would refuse to store it, so it is
    /// a JSON error here.
    /// </summary>
    private static long? FirstUndecodableString(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
        {
            if (reader is { TokenType: JsonTokenType.String or JsonTokenType.PropertyName, ValueIsEscaped: true })
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return reader.TokenStartIndex;
                }
            }
        }
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8Json) => utf8Json.TrimStart(" \t\r\n"u8).IsEmpty;

    private static int CharPosition(ReadOnlySpan<byte> utf8Json, JsonException exception)
    {
        var line = (int)(exception.LineNumber ?? 0);
        var offset = 0;
        for (var seen = 0; seen < line && offset < utf8Json.Length; offset++)
        {
            if (utf8Json[offset] == (byte)'\n')
            {
                seen++;
            }
        }
        return CharPosition(utf8Json, offset + (int)(exception.BytePositionInLine ?? 0));
    }

    // Python reports the offset in characters, not bytes.
    private static int CharPosition(ReadOnlySpan<byte> utf8Json, int byteOffset) =>
        Encoding.UTF8.GetCharCount(utf8Json[..Math.Clamp(byteOffset, 0, utf8Json.Length)]);
}
