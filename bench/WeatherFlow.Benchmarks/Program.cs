using WeatherFlow.Benchmarks;
using WeatherFlow.Training;

// Each case runs in a fresh child process, so the peak memory reported is that case's alone.
var threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(new EngineOptions().TorchThreads);
var variants = BenchmarkVariant.Parse(args);
var child = args.SkipWhile(a => a != "--child").Skip(1).FirstOrDefault();
if (child is not null)
{
    return BenchmarkRunner.RunCase(BenchmarkCase.All.Single(c => c.Name == child), variants.Single(), threads);
}
var selected = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var cases = selected == "all" ? BenchmarkCase.All : BenchmarkCase.All.Where(c => selected.Split(',').Contains(c.Name)).ToList();
if (cases.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/WeatherFlow.Benchmarks -- [a|m|b|c|all|a,m,...] [--backbone grid|icosahedral|all] [--atmosphere structured|reference|all] [--objective rectified|reference|all] [--threads N]");
    return 2;
}
return await BenchmarkRunner.RunInChildrenAsync(cases, variants, threads);
