using System.Text.Json;

namespace WeatherFlow.Datasets;

/// <summary>The stored form of a <see cref="DatasetDescription"/> (camelCase JSON), read by the api and the trainers alike.</summary>
public static class DatasetJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(DatasetDescription description) => JsonSerializer.Serialize(description, Options);

    public static DatasetDescription Read(string json) =>
        JsonSerializer.Deserialize<DatasetDescription>(json, Options) ?? throw new JsonException("A dataset description is an object.");
}
