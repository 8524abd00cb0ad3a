using System.Net;
using System.Net.Http.Json;
using WeatherFlow.ServiceDefaults;
using WeatherFlow.Tests.Infrastructure;
using static WeatherFlow.Tests.Infrastructure.CompositionResources;

namespace WeatherFlow.Tests.Composition;

/// <summary>
/// The AppHost's composition end to end, through the testing builder: every resource healthy, the projects wired
/// with Aspire's configuration, and nothing left running once the application is disposed.
/// </summary>
[Collection(CompositionLifecycleCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class CompositionTests
{
    [Fact]
    public async Task Composition_starts_healthy_and_wired_and_leaves_no_process_behind()
    {
        using var timeout = new CancellationTokenSource(CompositionFixture.StartupTimeout);
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        var ct = timeout.Token;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
            AppHostArguments.State(state.FullName), ct);
        IReadOnlyList<int> processIds;
        await using (var app = await appHost.BuildAsync(ct))
        {
            await app.StartAsync(ct);
            foreach (var name in All)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
            }

            await ApiReportsItsDependenciesHealthy(app, ct);
            await WebReachesApiThroughServiceDiscovery(app, ct);
            await TrainerReplicasHaveDistinctInstanceIds(app, ct);

            var leaders = (await Task.WhenAll(All.Append(MessagingEpmd).Select(app.GetProcessIdsAsync))).SelectMany(pids => pids).ToList();
            Assert.Equal(1 + 1 + 2 + 1 + 1 + 2 + 1, leaders.Count); // postgres, redis, epmd + broker, azurite, api, 2 trainers, web
            processIds = ProcessInspection.Descendants(leaders); // with postgres's backends, the Erlang VM, the apps under dotnet run
            Assert.True(processIds.Count > leaders.Count);
        }

        Assert.All(processIds, pid => Assert.False(ProcessInspection.IsAlive(pid), $"process {pid} is still alive"));
        state.Delete(recursive: true);
    }

    private static async Task ApiReportsItsDependenciesHealthy(DistributedApplication app, CancellationToken ct)
    {
        using var api = app.CreateHttpClient(Api);
        var response = await api.GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReportResponse>(ct);
        Assert.NotNull(report);
        Assert.Equal("Healthy", report.Status);
        Assert.Contains(report.Checks, c => c.Name.EndsWith("DbContext", StringComparison.Ordinal) && c.Status == "Healthy");
        Assert.Contains(report.Checks, c => c.Name == "StackExchange.Redis" && c.Status == "Healthy");
        Assert.Contains(report.Checks, c => c.Name.StartsWith("masstransit", StringComparison.OrdinalIgnoreCase) && c.Status == "Healthy");
        Assert.Contains(report.Checks, c => c.Name == Blobs && c.Status == "Healthy");

        var env = ProcessInspection.Environment(Assert.Single(await app.GetProcessIdsAsync(Api)));
        Assert.Equal(await app.GetConnectionStringAsync(WeatherDb, ct), env["ConnectionStrings__weatherdb"]);
        Assert.Equal(await app.GetConnectionStringAsync(Cache, ct), env["ConnectionStrings__cache"]);
        Assert.Equal(await app.GetConnectionStringAsync(Messaging, ct), env["ConnectionStrings__messaging"]);
        Assert.Equal(await app.GetConnectionStringAsync(Blobs, ct), env["ConnectionStrings__blobs"]);
        Assert.StartsWith("Host=127.0.0.1;Port=", env["ConnectionStrings__weatherdb"]);
        Assert.EndsWith(";Username=postgres;Password=" + PasswordIn(env["ConnectionStrings__weatherdb"]) + ";Database=weatherdb", env["ConnectionStrings__weatherdb"]);
        Assert.StartsWith("amqp://guest:", env["ConnectionStrings__messaging"]);
        Assert.Equal(Api, env["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("http://localhost:", env["ASPNETCORE_URLS"]);
    }

    private static async Task WebReachesApiThroughServiceDiscovery(DistributedApplication app, CancellationToken ct)
    {
        var env = ProcessInspection.Environment(Assert.Single(await app.GetProcessIdsAsync(Web)));
        Assert.Equal(app.GetEndpoint(Api).ToString().TrimEnd('/'), env["services__api__http__0"]);

        using var web = app.CreateHttpClient(Web);
        var report = await web.GetFromJsonAsync<HealthReportResponse>("/health", ct);
        Assert.NotNull(report);
        Assert.Contains(report.Checks, c => c.Name == Api && c.Status == "Healthy");
    }

    private static async Task TrainerReplicasHaveDistinctInstanceIds(DistributedApplication app, CancellationToken ct)
    {
        var pids = await app.GetProcessIdsAsync(Trainer);
        Assert.Equal(2, pids.Count);
        var instanceIds = pids
            .Select(pid => ProcessInspection.Environment(pid)["OTEL_RESOURCE_ATTRIBUTES"])
            .Select(attributes => Assert.Single(attributes.Split(','), a => a.StartsWith("service.instance.id=", StringComparison.Ordinal))["service.instance.id=".Length..])
            .ToList();
        Assert.Equal(2, instanceIds.Distinct().Count());
        foreach (var id in instanceIds)
        {
            await app.WaitForLogLineAsync(Trainer, line => line.Contains($"Trainer instance {id} started", StringComparison.Ordinal), ct);
        }
    }

    private static string PasswordIn(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("Password=", StringComparison.Ordinal))["Password=".Length..];
}
