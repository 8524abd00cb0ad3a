using WeatherFlow.ApiBenchmarks;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

// Against a running api (--url), or the whole composition started here through the testing builder.
var settings = BenchmarkSettings.Parse(args);
if (settings.ApiUrl is { } url)
{
    await (settings.History
        ? HistoryBenchmark.RunAsync(url, settings.Database ?? throw new ArgumentException("--history with --url needs --db, the api's database."), settings, Console.Out)
        : ApiBenchmark.RunAsync(url, settings, Console.Out));
    return 0;
}

// The history benchmark seeds thousands of runs: they go to a throw-away data folder, not the checkout's history.
var state = settings.History ? Directory.CreateTempSubdirectory("weatherflow-history-bench-") : null;
try
{
    using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
    var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
        state is null ? [] : [$"AppHost:StateDirectory={state.FullName}"], startup.Token);
    await using var app = await appHost.BuildAsync(startup.Token);
    await app.StartAsync(startup.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("api", startup.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("trainer", startup.Token);
    await (settings.History
        ? HistoryBenchmark.RunAsync(app.GetEndpoint("api"), await app.GetConnectionStringAsync("weatherdb", startup.Token) ?? throw new InvalidOperationException("weatherdb has no connection string."), settings, Console.Out)
        : ApiBenchmark.RunAsync(app.GetEndpoint("api"), settings, Console.Out));
}
finally
{
    state?.Delete(recursive: true);
}
return 0;
