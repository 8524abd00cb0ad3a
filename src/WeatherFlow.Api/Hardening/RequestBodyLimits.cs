using Microsoft.AspNetCore.Http.Features;
using WeatherFlow.Api.Datasets;

namespace WeatherFlow.Api.Hardening;

/// <summary>
/// Every body, on every endpoint but a dataset upload (<see cref="UploadBodyLimit"/>), is bounded by
/// <see cref="ExperimentsOptions.MaxRequestBodyBytes"/> before a byte of it is read: a declared length over it gets 413 at
/// once, and a chunked one is refused as it passes the limit (413 through the exception handler).
/// </summary>
public static class RequestBodyLimits
{
    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services) =>
        // A body an endpoint cannot bind reaches the exception handler, which answers ProblemDetails, in every
        // environment as in Development (the default throws only there).
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

    /// <summary>The answer to a body past the limit, whether refused for its declared length or cut off while read.</summary>
    public static IResult BodyTooLarge(HttpContext context) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body must not exceed {context.RequestServices.GetRequiredService<IOptions<ExperimentsOptions>>().Value.MaxRequestBodyBytes} bytes.");

    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint()?.Metadata.GetMetadata<UploadBodyLimit>() is not null)
            {
                // A dataset upload is bounded by the caller's storage quota as it is read, not by a size known here.
                context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = null;
                await next(context);
                return;
            }
            var maxBodyBytes = context.RequestServices.GetRequiredService<IOptions<ExperimentsOptions>>().Value.MaxRequestBodyBytes;
            if (request.ContentLength > maxBodyBytes)
            {
                // Answered before a byte is read. Kestrel then discards what the client still sends (up to its own
                // limit), so that a client that sends its body anyway reads this answer rather than a reset.
                await BodyTooLarge(context).ExecuteAsync(context);
                return;
            }
            if (request.ContentLength is null)
            {
                request.Body = new LimitedRequestBody(request.Body, maxBodyBytes);
            }
            await next(context);
        });
        return app;
    }
}
