using WeatherFlow.Contracts.Config;
using WeatherFlow.Training.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The default atmosphere (<c>simulation.atmosphere: "structured"</c>): smooth large-scale weather on the sphere in
/// physical units, with x1 the same air <see cref="StructuredAtmosphereStep"/>-ped forward by the lead time.
/// Each column's state is a temperature anomaly θ (K) and a 1000 hPa height anomaly h (m), drawn as red-spectrum
/// fields around a climate shared by every sample (seeded by <c>simulation.seed</c>; the weather by
/// <c>training.seed</c>). The channels are diagnosed from it at each pressure level p, with s = ln(1000 hPa / p):
/// <list type="bullet">
/// <item><c>t</c> (K): the standard atmosphere's T₀(p/p₀)^(RΓ/g) plus w(s)·(T_m(φ) + θ), where T_m is a 60 K
/// equator-to-pole contrast and w(s) = 1 − s/4 weakens anomalies aloft;</item>
/// <item><c>z</c> (m): the hypsometric integral of that temperature, Z = Z_std(p) + h + (R/g)(T_m + θ)·∫w ds, so
/// heights rise with altitude and the thickness between two levels is set by the temperature between them;</item>
/// <item><c>u</c>, <c>v</c> (m/s): the geostrophic wind of Z, (−g/f ∂Z/∂y, g/f ∂Z/∂x), a westerly jet that
/// strengthens with height (thermal wind) plus the eddies'.</item>
/// </list>
/// </summary>
internal static class StructuredAtmosphere
{
    public const string Name = ConfigChoices.StructuredAtmosphere;

    public const double Gravity = 9.80665;
    public const double GasConstant = 287.05;
    private const double SurfaceTemperature = 288.15;
    private const double LapseRate = 0.0065;
    private const double SurfacePressure = 1000;
    private const double EquatorToPoleContrast = 60;

    private const double WeatherTemperatureSpread = 4;
    private const double WeatherHeightSpread = 60;
    private const double ClimateTemperatureSpread = 3;
    private const double ClimateHeightSpread = 40;

    /// <summary>How far x1 is from x0 at the default dynamicsScale (0.15); the lead time scales with it.</summary>
    public static readonly TimeSpan DefaultLeadTime = TimeSpan.FromHours(6);
    private const double DefaultDynamicsScale = 0.15;

    private static readonly Dictionary<string, string> Units = new() { ["t"] = "K", ["z"] = "m", ["u"] = "m/s", ["v"] = "m/s" };

    public static ExperimentData Generate(ExperimentConfig config)
    {
        var (dataset, simulation) = (config.Dataset, config.Simulation);
        var (size, stepSeconds) = AtmosphereInputs.Grid(config);
        var grid = new SphereGrid(size);
        var fields = new SmoothFields(grid);
        var staticFeatures = AtmosphereInputs.StaticFeatures(size);
        var climate = Climate(fields, simulation.Seed);
        var step = new StructuredAtmosphereStep(grid, simulation, staticFeatures[0, 1], climate);
        var lead = DefaultLeadTime.TotalSeconds * config.Training.DynamicsScale / DefaultDynamicsScale;
        var anomalyScale = simulation.InitialSource == "parametric" ? 0.5 : 1.0;

        using var weather = new Generator((ulong)config.Training.Seed, CPU);
        (Tensor X0, Tensor X1, Tensor Forcing) Samples(int count)
        {
            var forcing = AtmosphereInputs.Forcing(count);
            var temperature = climate.Temperature + anomalyScale * WeatherTemperatureSpread * fields.Draw(count, weather);
            var height = climate.Height + anomalyScale * WeatherHeightSpread * fields.Draw(count, weather);
            var x0 = Diagnose(grid, dataset, temperature, height);
            var (temperature1, height1) = step.Advance(temperature, height, forcing, lead, stepSeconds);
            return (x0, Diagnose(grid, dataset, temperature1, height1), forcing);
        }
        var train = Samples(dataset.TrainSamples);
        var validation = Samples(dataset.ValSamples);

        using var testWeather = SyntheticTestSet.Generator(config);
        var testCount = SyntheticTestSet.Count(config);
        var testForcing = AtmosphereInputs.Forcing(testCount);
        var testTemperature = climate.Temperature + anomalyScale * WeatherTemperatureSpread * fields.Draw(testCount, testWeather);
        var testHeight = climate.Height + anomalyScale * WeatherHeightSpread * fields.Draw(testCount, testWeather);
        var testStarts = Diagnose(grid, dataset, testTemperature, testHeight);
        var truth = new List<Tensor>();
        for (var k = 0; k < SyntheticTestSet.Steps(config); k++)
        {
            (testTemperature, testHeight) = step.Advance(testTemperature, testHeight, testForcing, lead, stepSeconds);
            truth.Add(Diagnose(grid, dataset, testTemperature, testHeight));
        }
        return new(train.X0, train.X1, train.Forcing, validation.X0, validation.X1, validation.Forcing, staticFeatures,
            AtmosphereInputs.ChannelNames(dataset), [.. dataset.Variables.SelectMany(v => dataset.PressureLevels.Select(_ => Units[v]))],
            size, stepSeconds)
        {
            Evaluation = SyntheticTestSet.Of(config, testStarts, truth, testForcing, train.X1),
        };
    }

    /// <summary>Geopotential height (m) at <paramref name="pressure"/> hPa of columns with anomalies θ and h, [N, H, W].</summary>
    public static Tensor Height(SphereGrid grid, Tensor temperature, Tensor height, double pressure)
    {
        var s = Math.Log(SurfacePressure / pressure);
        return StandardHeight(pressure) + height + GasConstant / Gravity * (MeridionalContrast(grid) + temperature) * (s - s * s / 8);
    }

    /// <summary>The geostrophic wind (east, north) of a height field, m/s.</summary>
    public static (Tensor East, Tensor North) GeostrophicWind(SphereGrid grid, Tensor height) =>
        (-Gravity / grid.Coriolis * grid.DerivativeNorth(height), Gravity / grid.Coriolis * grid.DerivativeEast(height));

    private static Tensor Temperature(SphereGrid grid, Tensor temperature, double pressure)
    {
        var s = Math.Log(SurfacePressure / pressure);
        return StandardTemperature(pressure) + (1 - s / 4) * (MeridionalContrast(grid) + temperature);
    }

    private static Tensor Diagnose(SphereGrid grid, DatasetConfig dataset, Tensor temperature, Tensor height)
    {
        using var scope = NewDisposeScope();
        var heights = dataset.PressureLevels.Distinct().ToDictionary(level => level, level => Height(grid, temperature, height, level));
        var winds = dataset.Variables.Any(variable => variable is "u" or "v")
            ? heights.ToDictionary(level => level.Key, level => GeostrophicWind(grid, level.Value))
            : [];
        var channels = new List<Tensor>();
        foreach (var variable in dataset.Variables)
        {
            foreach (var level in dataset.PressureLevels)
            {
                channels.Add(variable switch
                {
                    "t" => Temperature(grid, temperature, level),
                    "z" => heights[level],
                    "u" => winds[level].East,
                    _ => winds[level].North,
                });
            }
        }
        return stack(channels, 1).MoveToOuterDisposeScope();
    }

    private static StructuredClimate Climate(SmoothFields fields, int seed)
    {
        using var generator = new Generator((ulong)seed, CPU);
        return new(ClimateTemperatureSpread * fields.Draw(1, generator), ClimateHeightSpread * fields.Draw(1, generator));
    }

    /// <summary>T_m(φ), K, [H, 1].</summary>
    public static Tensor MeridionalContrast(SphereGrid grid) =>
        EquatorToPoleContrast * (1.0 / 3 - grid.Latitude.sin().square());

    private static double StandardTemperature(double pressure) =>
        SurfaceTemperature * Math.Pow(pressure / SurfacePressure, GasConstant * LapseRate / Gravity);

    private static double StandardHeight(double pressure) =>
        SurfaceTemperature / LapseRate * (1 - Math.Pow(pressure / SurfacePressure, GasConstant * LapseRate / Gravity));
}
