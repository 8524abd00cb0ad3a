using Microsoft.AspNetCore.HttpOverrides;

namespace WeatherFlow.Web.Extensions;

/// <summary>
/// HTTPS when deployed. On Azure Container Apps TLS ends at the ingress, which reaches the web over plain HTTP and
/// says the browser's scheme in <c>X-Forwarded-Proto</c>: the forwarded headers make such a request HTTPS again (so the
/// security headers' HSTS applies and OpenIddict's HTTPS requirement holds), and a browser that came over HTTP is sent
/// to HTTPS. The local run (Development, from the launch profiles) is plain HTTP on loopback and keeps none of this.
/// </summary>
public static class HttpsBehindIngress
{
    public static void AddHttpsBehindIngress(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The ingress's addresses are not known in advance, and it is the only way in to the container.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        // The container listens on HTTP only, so the redirect cannot read the HTTPS port from the server's addresses.
        builder.Services.AddHttpsRedirection(redirection => redirection.HttpsPort = 443);
    }

    /// <summary>First in the pipeline, so that every later middleware sees the browser's scheme.</summary>
    public static WebApplication UseHttpsBehindIngress(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseForwardedHeaders();
        // The orchestrator probes the container directly over HTTP; a redirect would answer for the probe unchecked.
        app.UseWhen(context => !IsProbe(context.Request.Path), https => https.UseHttpsRedirection());
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath) ||
        path.StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath);
}
