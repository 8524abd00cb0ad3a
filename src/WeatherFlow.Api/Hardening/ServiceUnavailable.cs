using Microsoft.Net.Http.Headers;

namespace WeatherFlow.Api.Hardening;

public static class ServiceUnavailable
{
    /// <summary>How long a client should wait before it tries again when a dependency is down: about the time the
    /// AppHost takes to bring a crashed server back.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Every 503 says when to retry, so clients back off instead of hammering or giving up.</summary>
    public static void AddRetryAfter(ProblemDetailsContext context)
    {
        if (context.HttpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
