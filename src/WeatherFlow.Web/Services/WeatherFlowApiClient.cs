using WeatherFlow.Contracts.History;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Polly.Timeout;
using WeatherFlow.Contracts.Accounts;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Labels;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Web.Services;

/// <summary>The web's only way to the api, addressed as <c>http://api</c> through service discovery.</summary>
public sealed class WeatherFlowApiClient(HttpClient http)
{
    public Task<OptionsDocument> GetOptionsAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => await http.GetFromJsonAsync<OptionsDocument>("/api/options", ExperimentJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The api sent no options."));

    /// <param name="query">The history parameters as the user gave them: the api judges them.</param>
    public Task<ApiAnswer<HistoryPage>> ListAsync(QueryString query, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.GetAsync($"/api/experiments{query}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ApiAnswer<HistoryPage>.RefusedAsync(response, cancellationToken);
        }
        var rows = await response.Content.ReadFromJsonAsync<List<ExperimentJobSummary>>(ExperimentJson.Options, cancellationToken) ?? [];
        return ApiAnswer<HistoryPage>.Of(new(rows, NextPageParameter(response, HistoryParameterNames.Cursor)));
    });

    /// <param name="query">The audit filters as the admin gave them: the api judges them.</param>
    public Task<ApiAnswer<AuditPage>> ListAuditAsync(QueryString query, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.GetAsync($"/api/audit{query}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ApiAnswer<AuditPage>.RefusedAsync(response, cancellationToken);
        }
        var rows = await response.Content.ReadFromJsonAsync<List<AuditEntry>>(ExperimentJson.Options, cancellationToken) ?? [];
        return ApiAnswer<AuditPage>.Of(new(rows, NextPageParameter(response, "before")));
    });

    public Task<ApiAnswer<ExperimentAggregates>> AggregateAsync(QueryString query, CancellationToken cancellationToken) =>
        GetAnswerAsync<ExperimentAggregates>($"/api/experiments/aggregates{query}", cancellationToken);

    /// <param name="reference">The run the scorecard compares the others with, as the user gave it; null: the api's default, the first.</param>
    public Task<ApiAnswer<ExperimentComparison>> CompareAsync(IEnumerable<string> ids, string? reference, CancellationToken cancellationToken)
    {
        var parameters = ids.Select(id => KeyValuePair.Create("id", (string?)id));
        if (reference is not null)
        {
            parameters = parameters.Append(KeyValuePair.Create("reference", (string?)reference));
        }
        return GetAnswerAsync<ExperimentComparison>($"/api/experiments/compare{QueryString.Create(parameters)}", cancellationToken);
    }

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
        var body = JsonSerializer.SerializeToNode(config, ExperimentJson.Options)!.AsObject();
        body["name"] = labels.Name;
        body["tags"] = new JsonArray([.. labels.Tags.Select(tag => JsonValue.Create(tag))]);
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

    /// <summary>A document of an experiment (<c>result</c>, <c>metrics.csv</c>, <c>scores.csv</c>) as the api sends it.</summary>
    /// <returns>Null when the api has none: no such experiment, no result yet, or no evaluation in it.</returns>
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

    /// <returns>The job as it now is, or the api's refusal (422 with every invalid label, 404 for an unknown run).</returns>
    public Task<ApiAnswer<ExperimentJob>> UpdateLabelsAsync(Guid id, ExperimentLabelsUpdate update, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.PatchAsJsonAsync($"/api/experiments/{id}", update, ExperimentJson.Options, cancellationToken);
        return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<ExperimentJob>(ExperimentJson.Options, cancellationToken) is { } job
            ? ApiAnswer<ExperimentJob>.Of(job)
            : await ApiAnswer<ExperimentJob>.RefusedAsync(response, cancellationToken);
    });

    /// <returns>False when the api knows no such experiment (already deleted, perhaps by another tab).</returns>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.DeleteAsync($"/api/experiments/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    });

    /// <returns>The prediction, queued or already answered, or the api's refusal with every problem by field.</returns>
    public Task<ApiAnswer<PredictionJob>> PredictAsync(Guid id, int seed, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.PostAsJsonAsync($"/api/experiments/{id}/predictions", new JsonObject { ["seed"] = seed }, cancellationToken);
        return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<PredictionJob>(ExperimentJson.Options, cancellationToken) is { } prediction
            ? ApiAnswer<PredictionJob>.Of(prediction)
            : await ApiAnswer<PredictionJob>.RefusedAsync(response, cancellationToken);
    });

    public Task<ApiAnswer<PredictionJob>> GetPredictionAsync(Guid id, Guid predictionId, CancellationToken cancellationToken) =>
        GetAnswerAsync<PredictionJob>($"/api/experiments/{id}/predictions/{predictionId}", cancellationToken);

    /// <summary>The caller's datasets and the public ones, built-in included.</summary>
    public Task<ApiAnswer<List<DatasetInfo>>> ListDatasetsAsync(CancellationToken cancellationToken) =>
        GetAnswerAsync<List<DatasetInfo>>("/api/datasets", cancellationToken);

    /// <returns>The dataset, or null when the api knows none the caller may see.</returns>
    public Task<DatasetInfo?> GetDatasetAsync(Guid id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.GetAsync($"/api/datasets/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<DatasetInfo>(ExperimentJson.Options, cancellationToken);
    });

    /// <summary>One channel of a dataset at one step, for its map; the api refuses an unknown step or channel.</summary>
    public Task<ApiAnswer<DatasetStep>> GetDatasetStepAsync(Guid id, int step, string channel, CancellationToken cancellationToken) =>
        GetAnswerAsync<DatasetStep>($"/api/datasets/{id}/steps/{step}{QueryString.Create("channel", channel)}", cancellationToken);

    /// <returns>Null once the dataset is deleted, else the api's reason it was not (409 while a run uses it, 404, 403).</returns>
    public Task<string?> DeleteDatasetAsync(Guid id, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        using var response = await http.DeleteAsync($"/api/datasets/{id}", cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiErrorMessage.ReadAsync(response, cancellationToken);
    });

    public async Task<HttpStatusCode> CheckAliveAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/alive", cancellationToken);
        return response.StatusCode;
    }

    private Task<ApiAnswer<T>> GetAnswerAsync<T>(string uri, CancellationToken cancellationToken) where T : class => CallAsync(async () =>
    {
        using var response = await http.GetAsync(uri, cancellationToken);
        return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<T>(ExperimentJson.Options, cancellationToken) is { } value
            ? ApiAnswer<T>.Of(value)
            : await ApiAnswer<T>.RefusedAsync(response, cancellationToken);
    });

    /// <summary>The parameter that asks for the next page, read off the <c>Link: &lt;…&gt;; rel="next"</c> header the api
    /// sends when more rows follow.</summary>
    private static string? NextPageParameter(HttpResponseMessage response, string parameter) =>
        response.Headers.TryGetValues("Link", out var links)
        && links.Select(link => link.Split(';', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[1].Contains("rel=\"next\"")) is { } next
        && Uri.TryCreate(new Uri("http://api"), next[0].Trim().TrimStart('<').TrimEnd('>'), out var uri)
            && QueryHelpers.ParseQuery(uri.Query).TryGetValue(parameter, out var value)
            ? value.ToString()
            : null;

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
