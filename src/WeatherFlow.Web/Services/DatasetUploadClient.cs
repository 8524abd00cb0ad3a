using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Web.Services;

/// <summary>
/// Passes a dataset upload on to the api's <c>POST /api/datasets</c> as it arrives. A client of its own: the standard
/// resilience handler would cut an upload of gigabytes at its 30-second timeout and could not retry a body it has
/// already sent on.
/// </summary>
public sealed class DatasetUploadClient(HttpClient http)
{
    /// <param name="body">The multipart body, read once, as it comes.</param>
    /// <param name="contentType">The body's own <c>Content-Type</c>, whose boundary the api needs to read the parts.</param>
    public async Task<ApiAnswer<DatasetInfo>> UploadAsync(HttpContent body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync("/api/datasets", body, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created
                && await response.Content.ReadFromJsonAsync<DatasetInfo>(ExperimentJson.Options, cancellationToken) is { } dataset
                ? ApiAnswer<DatasetInfo>.Of(dataset)
                : await ApiAnswer<DatasetInfo>.RefusedAsync(response, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ApiUnavailableException($"The WeatherFlow api is unavailable: {exception.Message}", exception);
        }
    }

    /// <summary>The request body streamed through untouched, never held whole.</summary>
    public static HttpContent Streamed(Stream body, string contentType, long? length)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.ContentLength = length;
        return content;
    }
}
