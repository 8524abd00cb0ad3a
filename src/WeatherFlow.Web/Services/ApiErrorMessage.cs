using System.Text.Json;

namespace WeatherFlow.Web.Services;

/// <summary>Reads the human explanation out of an api error: <c>{"detail": "..."}</c> or ProblemDetails.</summary>
public static class ApiErrorMessage
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var fallback = $"The api answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && (Text(root, "detail") ?? Text(root, "title")) is { } message
                ? message
                : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
