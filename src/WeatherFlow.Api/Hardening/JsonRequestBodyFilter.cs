namespace WeatherFlow.Api.Hardening;

/// <summary>
/// Request bodies must be JSON: anything else gets 415 and runs nothing. A text/plain, form or multipart POST is a
/// "simple" request that browsers send cross-origin without a CORS preflight, so accepting one would let any web
/// page a visitor opens start experiments on our compute. The submit endpoint reads its body raw, to answer the
/// reference's exact 422 shapes, so ASP.NET Core's own content-type check for bound bodies never runs there.
/// </summary>
public sealed class JsonRequestBodyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var sendsBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)) && sendsBody && !request.HasJsonContentType())
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Request bodies must be JSON (Content-Type: application/json), not '{request.ContentType ?? "none"}'."));
        }
        return next(context);
    }
}
