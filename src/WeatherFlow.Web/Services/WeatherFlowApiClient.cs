using System.Net;
using System.Net.Http.Json;
using Polly.Timeout;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Web.Services;

/// <summary>The web's only way to the api, addressed as <c>http://api</c> through service discovery.</summary>
public sealed class WeatherFlowApiClient(HttpClient http)
{
    public Task<OptionsDocument> GetOptionsAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => await http.GetFromJsonAsync<OptionsDocument>("/api/options", ExperimentJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The api sent no options."));

    public Task<List<ExperimentJobSummary>> ListRecentAsync(int limit, CancellationToken cancellationToken) =>
        CallAsync(async () => await http.GetFromJsonAsync<List<ExperimentJobSummary>>($"/api/experiments?limit={limit}", ExperimentJson.Options, cancellationToken) ?? []);

    /// <returns>The job, or null when the api knows no such experiment.</returns>
    public Task<ExperimentJob?> GetAsync(Guid id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.GetAsync($"/api/experiments/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<ExperimentJob>(ExperimentJson.Options, cancellationToken);
    });

    public Task<SubmitOutcome> SubmitAsync(ExperimentConfig config, ExperimentLabels labels, CancellationToken cancellationToken) => CallAsync<SubmitOutcome>(async () =>
    {
        // The labels are top-level fields beside the config's sections, where the reference's clients send nothing.
        var body = System.Text.Json.JsonSerializer.SerializeToNode(config, ExperimentJson.Options)!.AsObject();
        body["name"] = labels.Name;
        body["tags"] = new System.Text.Json.Nodes.JsonArray([.. labels.Tags.Select(tag => System.Text.Json.Nodes.JsonValue.Create(tag))]);
        body["note"] = labels.Note;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments")
        {
            Content = JsonContent.Create(body, options: ExperimentJson.Options),
        };
        // The web follows progress on the experiment page rather than holding the request while it trains.
        request.Headers.Add("Prefer", "respond-async");
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Accepted when await response.Content.ReadFromJsonAsync<ExperimentJob>(ExperimentJson.Options, cancellationToken) is { } job
                => new SubmitOutcome.Accepted(job),
            HttpStatusCode.UnprocessableEntity when await response.Content.ReadFromJsonAsync<ValidationErrorResponse>(ExperimentJson.Options, cancellationToken) is { } invalid
                => new SubmitOutcome.Invalid(invalid.Detail),
            _ => new SubmitOutcome.Rejected(await ApiErrorMessage.ReadAsync(response, cancellationToken)),
        };
    });

    /// <summary>A document of an experiment (<c>result</c>, <c>metrics.csv</c>) as the api sends it.</summary>
    /// <returns>Null when the api has none: no such experiment, or no result yet.</returns>
    public Task<byte[]?> GetDocumentAsync(Guid id, string document, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.GetAsync($"/api/experiments/{id}/{document}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    });

    /// <returns>Null when the experiment was cancelled, else why it could not be.</returns>
    public Task<string?> CancelAsync(Guid id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.PostAsync($"/api/experiments/{id}/cancel", null, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiErrorMessage.ReadAsync(response, cancellationToken);
    });

    public async Task<HttpStatusCode> CheckAliveAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/alive", cancellationToken);
        return response.StatusCode;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(await ApiErrorMessage.ReadAsync(response, cancellationToken), null, response.StatusCode);
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            throw new ApiUnavailableException($"The WeatherFlow api is unavailable: {exception.Message}", exception);
        }
    }
}
