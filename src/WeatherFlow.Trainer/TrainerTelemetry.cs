using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlow.Trainer;

/// <summary>The trainer's side of the <c>WeatherFlow.Experiments</c> telemetry: outcomes and run time.</summary>
public sealed class TrainerTelemetry
{
    public const string Name = ExperimentTelemetryName.Value;
    public static readonly ActivitySource ActivitySource = new(Name);

    public TrainerTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        Completed = meter.CreateCounter<long>("weatherflow.experiments.completed", description: "Experiments trained to a result");
        Failed = meter.CreateCounter<long>("weatherflow.experiments.failed", description: "Experiments that failed");
        RunTime = meter.CreateHistogram<double>("weatherflow.experiments.run_time", unit: "s", description: "Wall time of experiment runs");
    }

    public Counter<long> Completed { get; }
    public Counter<long> Failed { get; }
    public Histogram<double> RunTime { get; }
}
