using System.Diagnostics.CodeAnalysis;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Labels;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>Either a valid, fully defaulted config with the run's labels, or every reason the request is not one.</summary>
public sealed record ConfigReadResult(ExperimentConfig? Config, IReadOnlyList<ConfigError> Errors, ExperimentLabels Labels)
{
    [MemberNotNullWhen(true, nameof(Config))]
    public bool IsValid => Config is not null && Errors.Count == 0;
}
