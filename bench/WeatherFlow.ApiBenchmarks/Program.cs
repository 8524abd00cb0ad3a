using WeatherFlow.ApiBenchmarks;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

// Against a running api (--url), or the whole composition started here through the testing builder.
var settings = BenchmarkSettings.Parse(args);
if (settings.ApiUrl is { } url)
{
    await RunAsync(url, settings.Database);
    return 0;
}

// The history benchmark seeds thousands of runs: they go to a throw-away data folder, not the checkout's history.
var state = settings.History ? Directory.CreateTempSubdirectory("weatherflow-history-bench-") : null;
try
{
    using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
    var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
        state is null ? [] : [$"AppHost:StateDirectory={state.FullName}"], startup.Token);
    // The benchmarks measure speed, not the rate limits, which would refuse most of their requests.
    var api = appHost.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "api");
    foreach (var limit in (string[])["AnonymousSubmissions", "AccountSubmissions", "AnonymousReads", "AccountReads"])
    {
        appHost.CreateResourceBuilder(api).WithEnvironment($"RateLimits__{limit}", "1000000");
    }
    await using var app = await appHost.BuildAsync(startup.Token);
    await app.StartAsync(startup.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("api", startup.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("trainer", startup.Token);
    var database = await app.GetConnectionStringAsync("weatherdb", startup.Token) ?? throw new InvalidOperationException("weatherdb has no connection string.");
    settings = settings with { Token = await BenchmarkAdmin.CreateTokenAsync(database) };
    await RunAsync(app.GetEndpoint("api"), settings.History ? database : null);
}
finally
{
    state?.Delete(recursive: true);
}
return 0;

Task RunAsync(Uri api, string? database) => settings switch
{
    { History: true } => HistoryBenchmark.RunAsync(api, database ?? throw new ArgumentException("--history with --url needs --db, the api's database."), settings, Console.Out),
    { Models: true } => ModelBenchmark.RunAsync(api, settings, Console.Out),
    { Datasets: true } => DatasetBenchmark.RunAsync(api, settings, Console.Out),
    _ => ApiBenchmark.RunAsync(api, settings, Console.Out),
};
