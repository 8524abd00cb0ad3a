using System.Diagnostics;
using System.Globalization;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Training;

namespace WeatherFlow.Benchmarks;

internal static class BenchmarkRunner
{
    public static async Task<int> RunInChildrenAsync(IReadOnlyList<BenchmarkCase> cases, int threads)
    {
        Console.WriteLine($"WeatherFlow training benchmark: {Environment.ProcessorCount} cores, torch threads {threads}, one child process per case");
        Console.WriteLine("case | wall s | CPU s | samples/s | peak RSS MB | reference s | reference peak GB | speed-up (wall) | warm-up s | train flow loss first→last | description");
        var failures = 0;
        foreach (var benchmark in cases)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            foreach (var argument in ChildArguments(benchmark.Name, threads))
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Console.Write(output);
            failures += process.ExitCode == 0 ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    public static int RunCase(BenchmarkCase benchmark, int threads)
    {
        var engine = new ExperimentEngine(new EngineOptions { Threads = threads });
        var warmUp = Stopwatch.StartNew();
        engine.Run(Guid.Empty, BenchmarkCase.WarmUp.Config(), null, CancellationToken.None);
        var warmUpSeconds = warmUp.Elapsed.TotalSeconds;

        var config = benchmark.Config();
        var (result, seconds, cpuSeconds) = Enumerable.Range(0, benchmark.Repeats)
            .Select(_ => Measure(engine, config))
            .MinBy(run => run.Seconds);
        var samples = (double)config.Dataset.TrainSamples * config.Training.Epochs;
        var flow = result.Metrics.Train;
        var speedUp = benchmark.ReferenceSeconds is { } reference ? (reference / seconds).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{benchmark.Name} | {seconds:0.00} | {cpuSeconds:0.00} | {samples / seconds:0.0} | {PeakMemory.Megabytes():0} | {benchmark.ReferenceSeconds?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {benchmark.ReferencePeakGb?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {speedUp} | {warmUpSeconds:0.00} | {flow[0].FlowLoss:G4}→{flow[^1].FlowLoss:G4} | {benchmark.Description}"));
        return 0;
    }

    private static (ExperimentResult Result, double Seconds, double CpuSeconds) Measure(ExperimentEngine engine, ExperimentConfig config)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = engine.Run(Guid.Empty, config, null, CancellationToken.None);
        return (result, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    // Launched by the apphost (dotnet run), the process path is the program itself; launched as "dotnet X.dll",
    // it is dotnet, which needs the dll first.
    private static IEnumerable<string> ChildArguments(string name, int threads)
    {
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            yield return typeof(BenchmarkRunner).Assembly.Location;
        }
        yield return "--child";
        yield return name;
        yield return "--threads";
        yield return threads.ToString(CultureInfo.InvariantCulture);
    }
}
