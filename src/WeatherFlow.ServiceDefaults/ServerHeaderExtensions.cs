using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ServerHeaderExtensions
{
    /// <summary>No <c>Server</c> header on any response: it tells a prober which server and version to aim at.</summary>
    public static void RemoveServerHeader(this IHostApplicationBuilder builder) =>
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
}
