
namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The composition with two api replicas, started at once against an empty database, each on its own port.</summary>
public sealed class TwoApiReplicasFixture : CompositionFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        var api = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == CompositionResources.Api);
        appHost.CreateResourceBuilder(api).WithReplicas(2);
    }

    /// <summary>A client per api replica, addressed by the URL the AppHost gave that process, with the admin's token.</summary>
    public async Task<IReadOnlyList<HttpClient>> ApiReplicaClientsAsync()
    {
        var authorization = CreateApiClient().DefaultRequestHeaders.Authorization;
        return [.. (await App.GetProcessIdsAsync(CompositionResources.Api)).Select(pid =>
        {
            var client = new HttpClient { BaseAddress = new Uri(ProcessInspection.Environment(pid)["ASPNETCORE_URLS"].Split(';')[0]) };
            client.DefaultRequestHeaders.Authorization = authorization;
            return client;
        })];
    }
}
