using WeatherFlow.Benchmarks;

// Each case runs in a fresh child process, so the peak memory reported is that case's alone.
var threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(1);
var child = args.SkipWhile(a => a != "--child").Skip(1).FirstOrDefault();
if (child is not null)
{
    return BenchmarkRunner.RunCase(BenchmarkCase.All.Single(c => c.Name == child), threads);
}
var selected = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "all";
var cases = selected == "all" ? BenchmarkCase.All : BenchmarkCase.All.Where(c => selected.Split(',').Contains(c.Name)).ToList();
if (cases.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/WeatherFlow.Benchmarks -- [a|b|c|d|all|a,b,...] [--threads N]");
    return 2;
}
return await BenchmarkRunner.RunInChildrenAsync(cases, threads);
