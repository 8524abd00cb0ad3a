using System.Diagnostics;
using System.Globalization;
using WeatherFlow.Contracts.Config;
using TorchSharp;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Training;
using WeatherFlow.Training.Data;

namespace WeatherFlow.Benchmarks;

internal static class BenchmarkRunner
{
    public static async Task<int> RunInChildrenAsync(IReadOnlyList<BenchmarkCase> cases, IReadOnlyList<BenchmarkVariant> variants, int threads)
    {
        Console.WriteLine($"WeatherFlow training benchmark: {Environment.ProcessorCount} cores, torch threads {threads}, one child process per run");
        Console.WriteLine("case | backbone | atmosphere | objective | seed | wall s | CPU s | data s (share) | evaluation s (added to the rest) | peak RSS MB | reference s | speed-up (wall) | skill per channel | mean skill | evaluation: mean skill vs persistence / climatology per lead | model epoch | train loss per epoch | worst epoch-to-epoch loss ratio");
        var failures = 0;
        foreach (var benchmark in cases)
        {
            foreach (var variant in variants)
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
                foreach (var argument in ChildArguments(benchmark.Name, variant, threads))
                {
                    start.ArgumentList.Add(argument);
                }
                using var process = Process.Start(start)!;
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                Console.Write(output);
                failures += process.ExitCode == 0 ? 0 : 1;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    public static int RunCase(BenchmarkCase benchmark, BenchmarkVariant variant, int threads)
    {
        var engine = new ExperimentEngine(new EngineOptions { TorchThreads = threads });
        engine.Run(Guid.Empty, BenchmarkCase.WarmUp.Config(BenchmarkVariant.Default), null, null, CancellationToken.None);

        var config = benchmark.Config(variant);
        var (result, seconds, cpuSeconds) = Enumerable.Range(0, benchmark.Repeats)
            .Select(_ => Measure(engine, config))
            .MinBy(run => run.Seconds);
        var dataSeconds = DataSeconds(config);
        var losses = result.Metrics.Train.Select(epoch => epoch.Loss).ToList();
        var worstRatio = losses.Zip(losses.Skip(1), (previous, next) => next / previous).DefaultIfEmpty(double.NaN).Max();
        var skills = result.Prediction.Channels.Select(channel => channel.Skill ?? double.NaN).ToList();
        var evaluationSeconds = result.Execution.EvaluationSeconds ?? 0;
        var leads = string.Join(" ", result.Evaluation!.Scores.GroupBy(score => score.LeadHours).Select(lead =>
            $"{lead.Key:0.#}h {lead.Average(score => score.SkillVsPersistence ?? double.NaN):+0.00;-0.00}/{lead.Average(score => score.SkillVsClimatology ?? double.NaN):+0.00;-0.00}"));
        var speedUp = benchmark.ReferenceSeconds is { } reference ? (reference / seconds).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{benchmark.Name} | {variant.Backbone} | {variant.Atmosphere} | {variant.Objective} | {config.Training.Seed} | {seconds:0.00} | {cpuSeconds:0.00} | {dataSeconds:0.00} ({dataSeconds / seconds:P0}) | {evaluationSeconds:0.00} (+{evaluationSeconds / (seconds - evaluationSeconds):P0}) | {PeakMemory.Megabytes():0} | "
            + $"{benchmark.ReferenceSeconds?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {speedUp} | "
            + $"{string.Join(" ", result.Prediction.Channels.Zip(skills, (channel, skill) => $"{channel.Name} {skill:+0.00;-0.00}"))} | {skills.Average():+0.00;-0.00} | {leads} | "
            + $"{result.Prediction.ModelEpoch} | {string.Join("→", losses.Select(loss => loss.ToString("G3", CultureInfo.InvariantCulture)))} | {worstRatio:0.00}"));
        return 0;
    }

    /// <summary>The data generator's share of a run, timed apart from it (after it, so the peak RSS is the run's).</summary>
    private static double DataSeconds(ExperimentConfig config)
    {
        using var scope = torch.NewDisposeScope();
        var watch = Stopwatch.StartNew();
        _ = config.Simulation.Atmosphere == ConfigChoices.ReferenceAtmosphere ? ReferenceAtmosphere.Generate(config) : StructuredAtmosphere.Generate(config);
        return watch.Elapsed.TotalSeconds;
    }

    private static (ExperimentResult Result, double Seconds, double CpuSeconds) Measure(ExperimentEngine engine, ExperimentConfig config)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = engine.Run(Guid.Empty, config, null, null, CancellationToken.None).Result;
        return (result, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    // Launched by the apphost (dotnet run), the process path is the program itself; launched as "dotnet X.dll",
    // it is dotnet, which needs the dll first.
    private static IEnumerable<string> ChildArguments(string name, BenchmarkVariant variant, int threads)
    {
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            yield return typeof(BenchmarkRunner).Assembly.Location;
        }
        yield return "--child";
        yield return name;
        foreach (var argument in variant.Arguments())
        {
            yield return argument;
        }
        yield return "--threads";
        yield return threads.ToString(CultureInfo.InvariantCulture);
    }
}
