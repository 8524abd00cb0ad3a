using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Contracts.Config;

/// <summary>
/// What an experiment computes: the reference server's <c>ExperimentConfig</c> with every default filled in.
/// Requests become one at the api's edge through <see cref="ReferenceWireFormat.ExperimentConfigReader"/>; from
/// there it travels typed, as its canonical JSON in messages and rows.
/// </summary>
public sealed record ExperimentConfig
{
    public DatasetConfig Dataset { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();
    public SimulationConfig Simulation { get; init; } = new();
    public InferenceConfig Inference { get; init; } = new();

    /// <summary>WeatherFlow's addition; absent from the JSON when left to its defaults, so earlier configs keep their hash.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvaluationConfig? Evaluation { get; init; }

    /// <summary>The fully defaulted config as compact camelCase JSON in declaration order: equal configs give equal text.</summary>
    public string ToCanonicalJson() => JsonSerializer.Serialize(this, ExperimentJsonContext.Default.ExperimentConfig);

    /// <summary>
    /// Reads back what <see cref="ToCanonicalJson"/> wrote; no request rules apply, the text was valid when written.
    /// A config written before <c>simulation.atmosphere</c> existed ran on the reference's generator, and reads so.
    /// </summary>
    /// <exception cref="JsonException">The text is not a canonical config.</exception>
    public static ExperimentConfig FromCanonicalJson(string json)
    {
        var config = JsonSerializer.Deserialize(json, ExperimentJsonContext.Default.ExperimentConfig);
        if (config?.Dataset is null || config.Model is null || config.Training is null || config.Simulation is null || config.Inference is null)
        {
            throw new JsonException("A canonical experiment config has every section.");
        }
        using var document = JsonDocument.Parse(json);
        var writtenWithAtmosphere = document.RootElement.TryGetProperty("simulation", out var simulation)
            && simulation.ValueKind == JsonValueKind.Object && simulation.TryGetProperty("atmosphere", out _);
        return writtenWithAtmosphere ? config : config with { Simulation = config.Simulation with { Atmosphere = ConfigChoices.ReferenceAtmosphere } };
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalJson"/>; runs are deterministic, so it keys the result cache.</summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    /// <summary>The resolution tier named by <c>simulation.resolutionTier</c>.</summary>
    public ResolutionTier Tier() =>
        ConfigChoices.ResolutionTiers.FirstOrDefault(tier => tier.Name == Simulation.ResolutionTier) ?? ConfigChoices.ResolutionTiers[0];

    /// <summary>
    /// How far ahead the model forecasts in one step, in hours: the dataset's <c>leadHours</c>, or the synthetic
    /// atmosphere's 6 hours at the default <c>dynamicsScale</c> (0.15), in proportion to it.
    /// </summary>
    public double ModelLeadHours() => Dataset.Source is null ? 6 * (Training.DynamicsScale / 0.15) : Dataset.LeadHours ?? 0;

    /// <summary>The grid the experiment runs on: the tier's, or the dataset's for the <c>custom</c> tier.</summary>
    public GridSize EffectiveGrid() => Tier() is { Lat: > 0, Lon: > 0 } tier ? new(tier.Lat, tier.Lon) : Dataset.GridSize;

    /// <summary>Every rule this config breaks that would make training fail or misbehave; empty for a trainable config.</summary>
    public IReadOnlyList<ConfigViolation> FindViolations() => ConfigInvariants.Find(this);
}
