using Scalar.AspNetCore;

namespace WeatherFlow.Api.Apis;

/// <summary>The OpenAPI document generated from the endpoints (<c>/openapi/v1.json</c>) and its interactive reference
/// (<c>/scalar</c>); <c>/docs</c>, where the reference server had its docs, leads there.</summary>
public static class DocsApi
{
    public const string DocumentPath = "/openapi/v1.json";
    private const string ReferencePath = "/scalar";

    public static IEndpointRouteBuilder MapDocsApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options => options.WithTitle("WeatherFlow API"));
        app.MapGet("/docs", () => TypedResults.Redirect(ReferencePath)).ExcludeFromDescription();
        return app;
    }
}
