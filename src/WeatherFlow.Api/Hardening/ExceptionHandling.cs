using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using StackExchange.Redis;

namespace WeatherFlow.Api.Hardening;

public static class ExceptionHandling
{
    /// <summary>
    /// Unexpected exceptions answer ProblemDetails. A dependency that is down (Postgres, or Redis where it is
    /// required) is 503 with Retry-After, so clients retry rather than report a bug; malformed HTTP keeps its 4xx.
    /// </summary>
    public static WebApplication UseProblemDetailsForExceptions(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeFor });
        return app;
    }

    private static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => badRequest.StatusCode,
        DbException or DbUpdateException or RetryLimitExceededException or RedisException or TimeoutException
            => StatusCodes.Status503ServiceUnavailable,
        // EF Core wraps a transient database failure this way when its strategy does not (or no longer) retry.
        InvalidOperationException { InnerException: DbException or DbUpdateException } => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
