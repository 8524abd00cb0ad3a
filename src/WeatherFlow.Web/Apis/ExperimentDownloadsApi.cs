using Microsoft.AspNetCore.Http.HttpResults;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Apis;

/// <summary>A run's result document, its metrics and its evaluation's scores as files to save, fetched from the api for the browser.</summary>
public static class ExperimentDownloadsApi
{
    public static IEndpointRouteBuilder MapExperimentDownloadsApi(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/experiments/{id:guid}").RequireAuthorization();
        downloads.MapGet("/result.json", (Guid id, WeatherFlowApiClient api, CancellationToken cancellationToken) =>
            DownloadAsync(api, id, "result", "application/json", $"experiment-{id}-result.json", cancellationToken));
        downloads.MapGet("/metrics.csv", (Guid id, WeatherFlowApiClient api, CancellationToken cancellationToken) =>
            DownloadAsync(api, id, "metrics.csv", "text/csv", $"experiment-{id}-metrics.csv", cancellationToken));
        downloads.MapGet("/scores.csv", (Guid id, WeatherFlowApiClient api, CancellationToken cancellationToken) =>
            DownloadAsync(api, id, "scores.csv", "text/csv", $"experiment-{id}-scores.csv", cancellationToken));
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        WeatherFlowApiClient api, Guid id, string document, string contentType, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetDocumentAsync(id, document, cancellationToken) is { } bytes
                ? TypedResults.File(bytes, contentType, fileName)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to download",
                    detail: $"Experiment {id} does not exist or has no {document} yet.");
        }
        catch (ApiUnavailableException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The api is unavailable", detail: exception.Message);
        }
    }
}
