using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlow.Api.Experiments;

/// <summary>The api's side of the <c>WeatherFlow.Experiments</c> telemetry: what it accepts, answers from the
/// cache and cancels (trainers report completions, failures and run time).</summary>
public sealed class ExperimentsTelemetry
{
    public const string Name = ExperimentTelemetryName.Value;
    public static readonly ActivitySource ActivitySource = new(Name);

    public ExperimentsTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        Submitted = meter.CreateCounter<long>("weatherflow.experiments.submitted", description: "Experiments accepted by the api");
        Cached = meter.CreateCounter<long>("weatherflow.experiments.cached", description: "Experiments answered from the result cache");
        Cancelled = meter.CreateCounter<long>("weatherflow.experiments.cancelled", description: "Experiments cancelled by a client");
    }

    public Counter<long> Submitted { get; }
    public Counter<long> Cached { get; }
    public Counter<long> Cancelled { get; }
}
