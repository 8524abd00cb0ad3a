using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.TestSupport;

/// <summary>The api's experiment endpoints as a test uses them: raw responses, JSON documents and the SSE stream.</summary>
internal sealed class ExperimentsClient(HttpClient api)
{
    public const string Path = "/api/experiments";

    public Task<HttpResponseMessage> SubmitAsync(string body, bool respondAsync, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }
        return api.SendAsync(request, ct);
    }

    /// <summary>Submits with <c>Prefer: respond-async</c> and returns the new experiment's id.</summary>
    public async Task<Guid> StartAsync(string body, CancellationToken ct)
    {
        using var response = await SubmitAsync(body, respondAsync: true, ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return IdOf(response.Headers.Location);
    }

    /// <summary>Submits with <c>Prefer: respond-async</c>, follows the run to its end, which must be completed, and
    /// returns its id.</summary>
    public async Task<Guid> RunAsync(string body, CancellationToken ct)
    {
        var id = await StartAsync(body, ct);
        await WaitForCompletionAsync(id, ct);
        return id;
    }

    /// <summary>Follows the run to its end, which must be completed.</summary>
    public async Task WaitForCompletionAsync(Guid id, CancellationToken ct)
    {
        var final = await WaitForFinalStateAsync(id, ct);
        Assert.True(final.Status == "completed", $"Experiment {id} ended {final.Status}: {final.Data}");
    }

    public async Task<JsonElement> GetJobAsync(Guid id, CancellationToken ct) =>
        await api.GetFromJsonAsync<JsonElement>($"{Path}/{id}", ct);

    public Task<HttpResponseMessage> CancelAsync(Guid id, CancellationToken ct) => api.PostAsync($"{Path}/{id}/cancel", null, ct);

    public Task<HttpResponseMessage> DeleteAsync(Guid id, CancellationToken ct) => api.DeleteAsync($"{Path}/{id}", ct);

    public Task<HttpResponseMessage> UpdateLabelsAsync(Guid id, string body, CancellationToken ct) =>
        api.PatchAsync($"{Path}/{id}", new StringContent(body, Encoding.UTF8, "application/json"), ct);

    /// <summary>The event stream from its first event (the current state) until the server ends it.</summary>
    public async IAsyncEnumerable<ServerSentEvent> EventsAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var name = "message";
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                yield return new ServerSentEvent(name, JsonDocument.Parse(line["data:".Length..]).RootElement.Clone());
                name = "message";
            }
        }
    }

    /// <summary>Follows the stream until an event satisfies <paramref name="condition"/>.</summary>
    public async Task<ServerSentEvent> WaitForAsync(Guid id, Func<ServerSentEvent, bool> condition, CancellationToken ct)
    {
        await foreach (var sse in EventsAsync(id, ct))
        {
            if (condition(sse))
            {
                return sse;
            }
        }
        throw new InvalidOperationException($"The event stream of {id} ended without the awaited event.");
    }

    public Task<ServerSentEvent> WaitForFinalStateAsync(Guid id, CancellationToken ct) =>
        WaitForAsync(id, sse => sse.Status is "completed" or "failed" or "cancelled", ct);

    public static Guid IdOf(Uri? location)
    {
        Assert.NotNull(location);
        Assert.StartsWith($"{Path}/", location.OriginalString);
        return Guid.Parse(location.OriginalString[(Path.Length + 1)..]);
    }
}
