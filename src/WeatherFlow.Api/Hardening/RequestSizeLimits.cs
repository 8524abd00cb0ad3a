using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WeatherFlow.Api.Datasets;

namespace WeatherFlow.Api.Hardening;

/// <summary>
/// A request line or headers over the limits get 414 or 431 ProblemDetails. Kestrel enforces such limits itself
/// but answers with an empty body before any middleware runs, so it is given room to pass them up to 8 times over
/// and the limits are enforced here instead, where the answer can say what was wrong. Every body, on every endpoint,
/// but a dataset upload (<see cref="UploadBodyLimit"/>) is bounded by <see cref="ApiOptions.MaxRequestBodyBytes"/> before a byte of it is read: a declared length over it
/// gets 413 at once, and a chunked one is refused as it passes the limit (413 through the exception handler).
/// </summary>
public static class RequestSizeLimits
{
    public const int MaxRequestTargetBytes = 8 * 1024;
    public const int MaxHeadersBytes = 32 * 1024;

    public static IServiceCollection AddRequestSizeLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 8 * MaxRequestTargetBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 8 * MaxHeadersBytes;
        })
        // A body an endpoint cannot bind reaches the exception handler, which answers ProblemDetails, in every
        // environment as in Development (the default throws only there).
        .Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

    /// <summary>The answer to a body past the limit, whether refused for its declared length or cut off while read.</summary>
    public static IResult BodyTooLarge(HttpContext context) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body must not exceed {context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes} bytes.");

    public static WebApplication UseRequestSizeLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Length > MaxRequestTargetBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "URI too long",
                    detail: $"The request target must not exceed {MaxRequestTargetBytes} bytes.").ExecuteAsync(context);
                return;
            }
            if (request.Headers.Sum(header => header.Key.Length + header.Value.Sum(value => value?.Length ?? 0)) > MaxHeadersBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "Request headers too large",
                    detail: $"The request headers must not exceed {MaxHeadersBytes} bytes in all.").ExecuteAsync(context);
                return;
            }
            if (context.GetEndpoint()?.Metadata.GetMetadata<UploadBodyLimit>() is not null)
            {
                // A dataset upload is bounded by the caller's storage quota as it is read, not by a size known here.
                context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = null;
                await next(context);
                return;
            }
            var maxBodyBytes = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
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
