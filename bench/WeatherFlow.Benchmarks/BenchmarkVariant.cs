using System.Globalization;
using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Benchmarks;

/// <summary>What a case is run with: the backbone, the data generator, the training objective and the seed (null: the case's own).</summary>
internal sealed record BenchmarkVariant(string Backbone, string Atmosphere, string Objective, int? Seed = null)
{
    public static BenchmarkVariant Default { get; } = new(ConfigChoices.Grid, ConfigChoices.StructuredAtmosphere, ConfigChoices.RectifiedObjective);

    /// <summary>Every combination of the values given (comma-separated, or "all") for each option, the defaults otherwise.</summary>
    public static IReadOnlyList<BenchmarkVariant> Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<string> Values(string option, IReadOnlyList<string> all, string fallback)
        {
            var given = args.SkipWhile(a => a != option).Skip(1).FirstOrDefault();
            return given is null ? [fallback] : given == "all" ? all : given.Split(',');
        }
        return [.. from backbone in Values("--backbone", ConfigChoices.Backbones, Default.Backbone)
                   from atmosphere in Values("--atmosphere", ConfigChoices.Atmospheres, Default.Atmosphere)
                   from objective in Values("--objective", ConfigChoices.Objectives, Default.Objective)
                   from seed in Values("--seed", [""], "")
                   select new BenchmarkVariant(backbone, atmosphere, objective, seed == "" ? null : int.Parse(seed, CultureInfo.InvariantCulture))];
    }

    public IEnumerable<string> Arguments() =>
        ["--backbone", Backbone, "--atmosphere", Atmosphere, "--objective", Objective, .. Seed is { } seed ? ["--seed", seed.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()];
}
