using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WeatherFlow.Api.RateLimiting;

public static class RateLimits
{
    public static void AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddClientAddresses(builder.Configuration);
        builder.Services.AddSingleton<RateLimitPolicy>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitPolicy>((limiter, policy) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(policy.Partition);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = policy.RejectAsync;
        });
    }

    /// <summary>After authentication, so that a caller with a token is counted by account.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
