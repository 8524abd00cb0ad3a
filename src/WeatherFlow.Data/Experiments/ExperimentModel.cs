namespace WeatherFlow.Data.Experiments;

/// <summary>
/// A trained model, kept once per config: training is deterministic, so every run of a config (re-delivered, or
/// answered from the result cache) has these same weights. <see cref="Weights"/> is null when the model was not kept,
/// and <see cref="Refusal"/> says why (over a size cap).
/// </summary>
public sealed class ExperimentModel
{
    public required string ConfigHash { get; set; }
    public byte[]? Weights { get; set; }

    /// <summary>The <c>ModelMetadata</c> document, as the api serves it.</summary>
    public required string Metadata { get; set; }
    public long SizeBytes { get; set; }
    public int Epoch { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Refusal { get; set; }
}
