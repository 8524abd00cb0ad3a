extern alias api;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WeatherFlow.TestSupport;

/// <summary>
/// The api in the test process, configured as the AppHost configures it (<paramref name="settings"/>: its connection
/// strings and keys), on real Kestrel on a loopback port, so that its limits and its answers to malformed HTTP are
/// Kestrel's, as in production, and raw connections can reach it.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<api::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ApiFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
