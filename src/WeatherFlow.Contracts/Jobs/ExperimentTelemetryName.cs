namespace WeatherFlow.Contracts.Jobs;

/// <summary>The meter and activity source the api and the trainers share, so one experiment's counters, run time and
/// spans read as one instrument set whichever process recorded them.</summary>
public static class ExperimentTelemetryName
{
    public const string Value = "WeatherFlow.Experiments";
}
