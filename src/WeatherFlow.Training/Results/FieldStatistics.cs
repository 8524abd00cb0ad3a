namespace WeatherFlow.Training.Results;

/// <summary>Error and skill scores of one forecast field against its target, in double precision.</summary>
internal static class FieldStatistics
{
    public static double Rmse(ReadOnlySpan<float> forecast, ReadOnlySpan<float> target)
    {
        var sum = 0.0;
        for (var i = 0; i < forecast.Length; i++)
        {
            var error = (double)forecast[i] - target[i];
            sum += error * error;
        }
        return Math.Sqrt(sum / forecast.Length);
    }

    public static double Mae(ReadOnlySpan<float> forecast, ReadOnlySpan<float> target)
    {
        var sum = 0.0;
        for (var i = 0; i < forecast.Length; i++)
        {
            sum += Math.Abs((double)forecast[i] - target[i]);
        }
        return sum / forecast.Length;
    }

    /// <summary>Skill against persistence, 1 − rmse/baselineRmse; undefined when persistence is perfect.</summary>
    public static double? Skill(double rmse, double baselineRmse) => baselineRmse > 0 ? 1 - rmse / baselineRmse : null;

    /// <summary>Anomaly correlation: the uncentred correlation of forecast and target departures from climatology.</summary>
    public static double? AnomalyCorrelation(ReadOnlySpan<float> forecast, ReadOnlySpan<float> target, ReadOnlySpan<float> climatology)
    {
        var (cross, forecastPower, targetPower) = (0.0, 0.0, 0.0);
        for (var i = 0; i < forecast.Length; i++)
        {
            var forecastAnomaly = (double)forecast[i] - climatology[i];
            var targetAnomaly = (double)target[i] - climatology[i];
            cross += forecastAnomaly * targetAnomaly;
            forecastPower += forecastAnomaly * forecastAnomaly;
            targetPower += targetAnomaly * targetAnomaly;
        }
        return forecastPower > 0 && targetPower > 0 ? cross / Math.Sqrt(forecastPower * targetPower) : null;
    }

    /// <summary>Mean and population standard deviation.</summary>
    public static (double Mean, double Std) MeanStd(IEnumerable<float> values)
    {
        var (count, sum, squares) = (0, 0.0, 0.0);
        foreach (var value in values)
        {
            count++;
            sum += value;
            squares += (double)value * value;
        }
        var mean = sum / count;
        return (mean, Math.Sqrt(Math.Max(0, squares / count - mean * mean)));
    }
}
