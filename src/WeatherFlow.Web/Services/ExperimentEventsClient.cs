using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Web.Services;

/// <summary>Reads the api's server-sent progress stream of one experiment (<c>GET /api/experiments/{id}/events</c>).</summary>
public sealed class ExperimentEventsClient(HttpClient http)
{
    /// <returns>The events as the api names them (<c>progress</c>, then the final status), or null for an unknown id.</returns>
    public async Task<IAsyncEnumerable<SseItem<ExperimentJobEvent>>?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync($"/api/experiments/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            return null;
        }
        return ReadAsync(response, cancellationToken);
    }

    private static async IAsyncEnumerable<SseItem<ExperimentJobEvent>> ReadAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var parser = SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<ExperimentJobEvent>(data, ExperimentJson.Options)!);
            await foreach (var item in parser.EnumerateAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }
}
