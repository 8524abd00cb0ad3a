using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WeatherFlow.Api.Hardening;

public static class ResponseHeaders
{
    /// <summary>No <c>Server</c> banner: it tells a prober which server and version to aim at.</summary>
    public static IServiceCollection AddNoServerBanner(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

    /// <summary>Every response says <c>X-Content-Type-Options: nosniff</c>, so no browser runs a JSON or text
    /// answer as a script or page.</summary>
    public static WebApplication UseNoSniff(this WebApplication app)
    {
        app.UseSecurityHeaders(policies => policies.AddContentTypeOptionsNoSniff());
        return app;
    }
}
