using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WeatherFlow.Api.Http;

/// <summary>The reference server's cross-cutting HTTP behaviour that its clients rely on.</summary>
public static class ContractCompatibility
{
    private const string CorsPolicy = "contract";
    private static readonly string[] AllowedOrigins = ["https://monksealseal.github.io", "http://localhost:5173", "http://localhost:3000"];

    public static IServiceCollection AddContractCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(AllowedOrigins)
            .AllowCredentials()
            .AllowAnyMethod()
            .AllowAnyHeader()
            .SetPreflightMaxAge(TimeSpan.FromSeconds(600))));

    public static WebApplication UseContractCompatibility(this WebApplication app)
    {
        app.Use(AnswerPreflightWithOk);
        app.UseCors(CorsPolicy);
        app.UseStatusCodePages(WriteDetailForEmptyErrorAsync);
        return app;
    }

    /// <summary>Starlette answers a CORS preflight with 200 and the body <c>OK</c>; ASP.NET Core with 204.</summary>
    private static async Task AnswerPreflightWithOk(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (HttpMethods.IsOptions(context.Request.Method)
            && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod)
            && context.Response is { StatusCode: StatusCodes.Status204NoContent, HasStarted: false })
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("OK");
        }
    }

    /// <summary>Unknown paths and methods answer <c>{"detail":"Not Found"}</c> / <c>{"detail":"Method Not Allowed"}</c>
    /// as FastAPI does; responses that already carry a body (ProblemDetails) are left alone. A body cut off at its
    /// limit while an endpoint bound it (the binder answers that with an empty 413) says what the limit is.</summary>
    private static Task WriteDetailForEmptyErrorAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Hardening.RequestBodyLimits.BodyTooLarge(context.HttpContext).ExecuteAsync(context.HttpContext);
        }
        var detail = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Not Found",
            StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
            _ => ReasonPhrases.GetReasonPhrase(response.StatusCode),
        };
        return response.WriteAsJsonAsync(new DetailResponse(detail));
    }
}
