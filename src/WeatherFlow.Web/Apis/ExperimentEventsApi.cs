using Microsoft.AspNetCore.Http.HttpResults;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Apis;

/// <summary>
/// Relays an experiment's progress events to the browser, so pages stay on the web's origin and the api is
/// reached only through service discovery.
/// </summary>
public static class ExperimentEventsApi
{
    public static IEndpointRouteBuilder MapExperimentEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/experiments/{id:guid}/events", RelayEventsAsync).WithName("RelayExperimentEvents").RequireAuthorization();
        return app;
    }

    public static async Task<Results<ServerSentEventsResult<ExperimentJobEvent>, NotFound, ProblemHttpResult>> RelayEventsAsync(
        Guid id, ExperimentEventsClient events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.OpenAsync(id, cancellationToken) is { } stream
                ? TypedResults.ServerSentEvents(stream)
                : TypedResults.NotFound();
        }
        catch (HttpRequestException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The api is unavailable", detail: exception.Message);
        }
    }
}
