using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>Writes a location of field names (strings) and list indexes (ints) without needing polymorphic metadata.</summary>
public sealed class ErrorLocationConverter : JsonConverter<IReadOnlyList<object>>
{
    public override IReadOnlyList<object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("An error location must be an array.");
        }
        var items = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : reader.GetString() ?? "");
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is int index)
            {
                writer.WriteNumberValue(index);
            }
            else
            {
                writer.WriteStringValue(item.ToString());
            }
        }
        writer.WriteEndArray();
    }
}
