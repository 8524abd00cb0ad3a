using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WeatherFlow.Api.RateLimiting;

/// <summary>
/// The client address that anonymous rate limits count by: the connection's own, unless the connection comes from a
/// trusted proxy, in which case the address that proxy put last in <c>X-Forwarded-For</c>.
/// </summary>
public static class ClientAddresses
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the address: the api builds no links from the scheme or host. ForwardLimit stays 1, so only the
            // entry the nearest proxy appended counts; whatever a client wrote before it is ignored.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            var proxies = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
            var networks = configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [];
            // Unconfigured, ASP.NET's default stands: loopback only, that is a proxy on this host, which can do no
            // more than the host itself. Anything else could claim any address and so any client's budget. A list
            // replaces the default rather than adding to it, so exactly the listed proxies are trusted.
            if (proxies.Length == 0 && networks.Length == 0)
            {
                return;
            }
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

    /// <summary>First in the pipeline, so everything after it sees the client's address.</summary>
    public static WebApplication UseClientAddresses(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
