using WeatherFlow.Contracts.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Evaluation;

/// <summary>
/// WeatherBench 2's deterministic scores of one forecast against the truth, per channel, over the valid cases: with
/// w the cos φ of each row times the mask, normalised, RMSE = √(mean over cases of Σ w·(f − y)²), bias = mean over
/// cases of Σ w·(f − y), ACC = mean over cases of Σ w·f′y′ / √(Σ w·f′² · Σ w·y′²) with f′, y′ the departures from
/// the climatology. A forecast with no anomaly anywhere (climatology itself) has ACC 0; a case whose truth has none
/// has no ACC and is left out of the mean.
/// </summary>
internal static class LeadScoring
{
    /// <param name="forecast">[N, C, H, W]</param>
    /// <param name="weights">[1, 1, H, W], summing to 1.</param>
    public static ForecastScores[] Score(Tensor forecast, Tensor truth, Tensor climatology, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var error = forecast - truth;
        var mse = (error.square() * weights).sum([2, 3]);
        var bias = (error * weights).sum([2, 3]);
        var (forecastAnomaly, truthAnomaly) = (forecast - climatology, truth - climatology);
        var cross = (forecastAnomaly * truthAnomaly * weights).sum([2, 3]);
        var forecastPower = (forecastAnomaly.square() * weights).sum([2, 3]);
        var truthPower = (truthAnomaly.square() * weights).sum([2, 3]);
        var defined = truthPower.gt(0);
        var power = (forecastPower * truthPower).sqrt();
        var acc = where(defined.logical_and(power.gt(0)), cross / where(power.gt(0), power, 1), 0);
        var cases = defined.to_type(ScalarType.Float64).sum([0]);
        var rmse = mse.to_type(ScalarType.Float64).mean([0]).sqrt().data<double>().ToArray();
        var meanBias = bias.to_type(ScalarType.Float64).mean([0]).data<double>().ToArray();
        var meanAcc = (acc.to_type(ScalarType.Float64).sum([0]) / cases.clamp(min: 1)).data<double>().ToArray();
        var counted = cases.data<double>().ToArray();
        return [.. rmse.Select((value, c) => new ForecastScores(value, meanBias[c], counted[c] > 0 ? meanAcc[c] : null))];
    }

    /// <summary>cos φ per row times the mask, normalised to sum to 1, [1, 1, H, W].</summary>
    public static Tensor Weights(IReadOnlyList<double> latitudesDegrees, Tensor mask)
    {
        var cosine = tensor(latitudesDegrees.Select(latitude => (float)Math.Cos(latitude * Math.PI / 180)).ToArray(), [1, 1, latitudesDegrees.Count, 1]);
        var weights = cosine * mask;
        return weights / weights.sum();
    }
}
