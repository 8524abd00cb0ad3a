using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.Contracts.Experiments;

/// <summary>
/// What an experiment computes: the reference server's <c>ExperimentConfig</c> with every default filled in.
/// Read untrusted JSON with <see cref="ExperimentConfigReader"/>, which enforces the contract's bounds.
/// </summary>
public sealed record ExperimentConfig
{
    public DatasetConfig Dataset { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();
    public SimulationConfig Simulation { get; init; } = new();
    public InferenceConfig Inference { get; init; } = new();

    /// <summary>The fully defaulted config as compact camelCase JSON in declaration order: equal configs give equal text.</summary>
    public string ToCanonicalJson() => JsonSerializer.Serialize(this, ExperimentJsonContext.Default.ExperimentConfig);

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalJson"/>; runs are deterministic, so it keys the result cache.</summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));
}
