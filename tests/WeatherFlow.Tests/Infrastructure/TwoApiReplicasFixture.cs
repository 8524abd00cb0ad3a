using System.Net;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// The composition with two api replicas, started at once against an empty database, each on its own port. The
/// api's rate limits are its defaults, and 127.0.0.1 is its one trusted proxy: a test that connects from there and
/// says <c>X-Forwarded-For</c> is counted as that client, with a budget of its own.
/// </summary>
public sealed class TwoApiReplicasFixture : CompositionFixture
{
    protected override bool KeepsDefaultRateLimits => true;

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        appHost.Project(CompositionResources.Api).WithReplicas(2)
            .WithEnvironment("ForwardedHeaders__KnownProxies__0", IPAddress.Loopback.ToString());
    }

    /// <summary>A client per api replica, addressed by the URL the AppHost gave that process, with the token given
    /// (the admin's by default).</summary>
    public async Task<IReadOnlyList<HttpClient>> ApiReplicaClientsAsync(string? token = null)
    {
        var authorization = token is null ? CreateApiClient().DefaultRequestHeaders.Authorization : new("Bearer", token);
        return [.. (await ReplicaUrlsAsync()).Select(url =>
        {
            var client = new HttpClient { BaseAddress = url };
            client.DefaultRequestHeaders.Authorization = authorization;
            return client;
        })];
    }

    /// <summary>
    /// An anonymous client per api replica whose connections come from <paramref name="source"/>, an address in 127.0.0.0/8
    /// (all of it this host's on Linux), and whose requests say <c>X-Forwarded-For: <paramref name="forwardedFor"/></c>.
    /// </summary>
    public async Task<IReadOnlyList<HttpClient>> ApiReplicaClientsAsync(IPAddress source, string forwardedFor) =>
        [.. (await ReplicaUrlsAsync()).Select(url =>
        {
            var client = new HttpClient(LoopbackSource.Handler(source))
            {
                BaseAddress = new UriBuilder(url) { Host = IPAddress.Loopback.ToString() }.Uri,
            };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return client;
        })];

    private async Task<IEnumerable<Uri>> ReplicaUrlsAsync() =>
        (await App.GetProcessIdsAsync(CompositionResources.Api))
            .Select(pid => new Uri(ProcessInspection.Environment(pid)["ASPNETCORE_URLS"].Split(';')[0]));
}
