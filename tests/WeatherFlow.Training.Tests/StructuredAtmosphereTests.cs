using WeatherFlow.Training.Data;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class StructuredAtmosphereTests
{
    private const double Gravity = 9.80665;
    private const double GasConstant = 287.05;

    private static ExperimentData Generate(string json)
    {
        var config = TestConfigs.Read(json);
        Assert.Equal("structured", config.Simulation.Atmosphere);
        return StructuredAtmosphere.Generate(config);
    }

    [Fact]
    public void Heights_rise_and_temperatures_fall_with_altitude_in_metres_and_kelvin()
    {
        using var scope = NewDisposeScope();
        var data = Generate("""{"dataset":{"variables":["t","z"],"pressureLevels":[1000,850,500,300,200],"trainSamples":8,"valSamples":4}}""");

        Assert.Equal(["K", "K", "K", "K", "K", "m", "m", "m", "m", "m"], data.Units);
        var temperature = data.TrainX0.narrow(1, 0, 5);
        var height = data.TrainX0.narrow(1, 5, 5);
        Assert.True(height.diff(dim: 1).gt(0).all().item<bool>(), "every column's height rises from 1000 to 200 hPa");
        var meanTemperature = temperature.mean([0, 2, 3]).data<float>().ToArray();
        Assert.Equal(meanTemperature.OrderDescending(), meanTemperature);
        Assert.InRange(height.select(1, 2).mean().item<float>(), 5000, 5900);
        Assert.InRange(meanTemperature[2], 240, 270);
    }

    [Fact]
    public void The_thickness_between_two_levels_follows_the_temperature_between_them()
    {
        using var scope = NewDisposeScope();
        var data = Generate("""{"dataset":{"variables":["t","z"],"pressureLevels":[500,300],"trainSamples":8,"valSamples":4}}""");

        var thickness = data.TrainX0.select(1, 3) - data.TrainX0.select(1, 2);
        var layerTemperature = (data.TrainX0.select(1, 0) + data.TrainX0.select(1, 1)) / 2;
        // The hypsometric equation: Δz = (R/g)·T̄·ln(p₁/p₂).
        var hypsometric = GasConstant / Gravity * layerTemperature * Math.Log(500.0 / 300);
        var relativeError = ((thickness - hypsometric).abs() / thickness).max().item<float>();
        Assert.True(relativeError < 0.01, $"thickness differs from the hypsometric one by up to {relativeError:P2}");
    }

    [Fact]
    public void Winds_are_geostrophic_with_a_westerly_jet_that_strengthens_with_height()
    {
        using var scope = NewDisposeScope();
        var data = Generate("""{"dataset":{"variables":["z","u","v"],"pressureLevels":[850,300],"gridSize":{"lat":32,"lon":64},"trainSamples":4,"valSamples":4}}""");

        var (rows, columns) = (32, 64);
        var dLatitude = Math.PI / rows;
        var dLongitude = 2 * Math.PI / columns;
        var sample = data.TrainX0[0];
        for (var row = 1; row < rows - 1; row++)
        {
            var latitude = -Math.PI / 2 + (row + 0.5) * dLatitude;
            if (Math.Abs(latitude) is < Math.PI / 6 or > Math.PI / 3)
            {
                continue;
            }
            var coriolis = 2 * 7.292e-5 * Math.Sin(latitude);
            var z = sample[1];
            var dzNorth = (z[row + 1] - z[row - 1]) / (2 * dLatitude * 6.371e6);
            var dzEast = (z[row].roll(-1, 0) - z[row].roll(1, 0)) / (2 * dLongitude * 6.371e6 * Math.Cos(latitude));
            var eastError = (sample[3, row] + Gravity / coriolis * dzNorth).abs().max().item<float>();
            var northError = (sample[5, row] - Gravity / coriolis * dzEast).abs().max().item<float>();
            Assert.True(eastError < 0.05 && northError < 0.05, $"row {row}: u off by {eastError} m/s, v by {northError} m/s");
        }

        var midlatitudes = new[] { 8L, 9, 10, 21, 22, 23 };
        var zonalWind = data.TrainX0.index_select(2, tensor(midlatitudes)).mean([0, 2, 3]);
        Assert.True(zonalWind[2].item<float>() > 2, $"westerlies at 850 hPa ({zonalWind[2].item<float>():F1} m/s)");
        Assert.True(zonalWind[3].item<float>() > zonalWind[2].item<float>() + 5, "stronger westerlies at 300 hPa (thermal wind)");
    }

    [Fact]
    public void Advection_carries_a_feature_downstream_by_the_wind_times_the_step_and_wraps_in_longitude()
    {
        using var scope = NewDisposeScope();
        var grid = new SphereGrid(new(64, 128));
        var latitude = grid.Latitude;
        var blobLongitude = 2 * Math.PI * 120 / 128;
        var blob = (-((latitude - Math.PI / 4).square() + (grid.Longitude - blobLongitude).square()) / 0.02).exp().unsqueeze(0);
        var east = full(1, 64, 128, 20f);
        var seconds = TimeSpan.FromHours(12).TotalSeconds;

        var moved = SemiLagrangian.Advect(grid, blob, east, zeros(1, 64, 128), seconds);

        var row = 47; // 45°N lies between rows 47 and 48 of 64
        var before = Centroid(blob[0, row], grid.LongitudeStep);
        var after = Centroid(moved[0, row], grid.LongitudeStep);
        var rowLatitude = -Math.PI / 2 + (row + 0.5) * Math.PI / 64;
        var expected = 20 * seconds / (SphereGrid.EarthRadius * Math.Cos(rowLatitude));
        var shift = (after - before + 3 * Math.PI) % (2 * Math.PI) - Math.PI;
        Assert.Equal(expected, shift, expected * 0.1);
        Assert.True(moved[0, row, 0].item<float>() > blob[0, row, 0].item<float>(), "the feature crossed the date line");
    }

    [Fact]
    public void The_next_state_is_the_first_carried_by_its_own_wind_so_persistence_is_not_it()
    {
        using var scope = NewDisposeScope();
        var data = Generate("""{"dataset":{"variables":["t","u","v"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},"simulation":{"moisture":{"enable":false},"surfaceFlux":{"latentCoeff":0,"sensibleCoeff":0,"dragCoeff":0},"boundarySource":"none"}}""");

        var grid = new SphereGrid(data.Grid);
        var (temperature, east, north) = (data.TrainX0.select(1, 0), data.TrainX0.select(1, 1), data.TrainX0.select(1, 2));
        var change = data.TrainX1.select(1, 0) - temperature;
        var advective = -(east * grid.DerivativeEast(temperature) + north * grid.DerivativeNorth(temperature)) * StructuredAtmosphere.DefaultLeadTime.TotalSeconds;

        Assert.True(change.abs().mean().item<float>() > 0.1, $"x1 differs from x0 by {change.abs().mean().item<float>():F3} K on average");
        var correlation = (change * advective).sum() / (change.square().sum() * advective.square().sum()).sqrt();
        Assert.True(correlation.item<float>() > 0.8, $"the change follows −(u·∇)T·Δt (correlation {correlation.item<float>():F3})");
    }

    [Fact]
    public void Same_seeds_give_the_same_atmosphere_and_the_simulation_seed_sets_the_shared_climate()
    {
        using var scope = NewDisposeScope();
        const string Json = """{"dataset":{"trainSamples":4,"valSamples":4}}""";
        var first = Generate(Json);
        var second = Generate(Json);
        var otherClimate = Generate("""{"dataset":{"trainSamples":4,"valSamples":4},"simulation":{"seed":3}}""");

        Assert.True(first.TrainX0.eq(second.TrainX0).all().item<bool>() && first.ValX1.eq(second.ValX1).all().item<bool>());
        Assert.False(first.TrainX0.eq(otherClimate.TrainX0).all().item<bool>());
    }

    private static double Centroid(Tensor row, double step)
    {
        var values = row.data<float>().ToArray();
        var (x, y) = (0.0, 0.0);
        for (var i = 0; i < values.Length; i++)
        {
            x += values[i] * Math.Cos(i * step);
            y += values[i] * Math.Sin(i * step);
        }
        return Math.Atan2(y, x);
    }
}
