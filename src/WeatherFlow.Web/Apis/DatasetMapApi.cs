using WeatherFlow.Web.Rendering;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Apis;

/// <summary>
/// <c>GET /datasets/{id}/map.png?step=&amp;channel=</c>: one channel of a dataset at one step as a picture, for the
/// dataset page's map. An address of its own rather than an inline picture, so a map can be opened, saved or linked;
/// its colour scale is <see cref="MaskedHeatmap.Sequential"/> of the step, the one the page labels its colour bar with.
/// </summary>
public static class DatasetMapApi
{
    public static IEndpointRouteBuilder MapDatasetMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/datasets/{id:guid}/map.png", MapAsync);
        return app;
    }

    private static async Task<IResult> MapAsync(Guid id, int? step, string? channel, WeatherFlowApiClient api, CancellationToken cancellationToken)
    {
        if (step is null || string.IsNullOrWhiteSpace(channel))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Which map?", detail: "Give a step and a channel.");
        }
        try
        {
            var answer = await api.GetDatasetStepAsync(id, step.Value, channel, cancellationToken);
            if (answer.Value is not { } field)
            {
                return Results.Problem(statusCode: (int)answer.Status, title: "No such map", detail: string.Join(" ", answer.Messages));
            }
            var png = MaskedHeatmap.Png(field.Values, field.Latitudes, MaskedHeatmap.Sequential([field.Values]));
            return Results.File(png, "image/png");
        }
        catch (ApiUnavailableException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The api is unavailable", detail: exception.Message);
        }
    }
}
