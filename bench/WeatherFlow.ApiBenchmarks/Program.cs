using WeatherFlow.ApiBenchmarks;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

// Against a running api (--url), or the whole composition started here through the testing builder.
var settings = BenchmarkSettings.Parse(args);
if (settings.ApiUrl is { } url)
{
    await ApiBenchmark.RunAsync(url, settings, Console.Out);
    return 0;
}

using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(startup.Token);
await using var app = await appHost.BuildAsync(startup.Token);
await app.StartAsync(startup.Token);
await app.ResourceNotifications.WaitForResourceHealthyAsync("api", startup.Token);
await app.ResourceNotifications.WaitForResourceHealthyAsync("trainer", startup.Token);
await ApiBenchmark.RunAsync(app.GetEndpoint("api"), settings, Console.Out);
return 0;
