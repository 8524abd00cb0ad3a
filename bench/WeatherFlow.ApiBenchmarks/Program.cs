using WeatherFlow.ApiBenchmarks;

var settings = BenchmarkSettings.Parse(args);
if (settings.ApiUrl is { } url)
{
    await ApiBenchmark.RunAsync(url, settings, Console.Out);
    return 0;
}
Console.Error.WriteLine("usage: dotnet run -c Release --project bench/WeatherFlow.ApiBenchmarks -- --url http://127.0.0.1:PORT");
return 2;
