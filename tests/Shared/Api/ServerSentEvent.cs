using System.Text.Json;

namespace WeatherFlow.TestSupport;

/// <summary>One event of <c>/api/experiments/{id}/events</c>: its name and its job-event data.</summary>
internal sealed record ServerSentEvent(string Name, JsonElement Data)
{
    public string Status => Data.GetProperty("status").GetString()!;

    public double Progress => Data.GetProperty("progress").GetDouble();

    public string? CurrentStep => Data.GetProperty("currentStep").GetString();
}
