namespace WeatherFlow.Api.Hardening;

public static class ResponseHeaders
{
    /// <summary>Every response says <c>X-Content-Type-Options: nosniff</c>, so no browser runs a JSON or text
    /// answer as a script or page.</summary>
    public static WebApplication UseNoSniff(this WebApplication app)
    {
        app.UseSecurityHeaders(policies => policies.AddContentTypeOptionsNoSniff());
        return app;
    }
}
