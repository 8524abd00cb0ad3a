namespace WeatherFlow.Web.Extensions;

public static class WebSecurityHeaders
{
    /// <summary>
    /// Every page's security headers: a Content-Security-Policy under which only the web's own script files run (no
    /// inline script, so injected markup cannot run any), no framing, nosniff, a referrer policy and, over HTTPS, HSTS.
    /// Styles may be inline: progress bars and map ticks are placed with style attributes. Pictures are data: URIs.
    /// </summary>
    public static WebApplication UseWebSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders(policies => policies
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            }));
        return app;
    }
}
