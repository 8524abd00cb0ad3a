namespace WeatherFlow.Contracts.Config;

/// <summary>
/// The contract's bounds of the numeric fields a client composes, which the api's reader enforces. The contract's
/// <c>GET /api/options</c> body is fixed byte for byte and advertises only <see cref="ConfigChoices.MaxEpochs"/>,
/// so a client that checks before it sends (the web's form) takes the others from here rather than restating them.
/// </summary>
public static class ConfigBounds
{
    /// <summary>Every advertised variable at every advertised level; more would only let one request exhaust a trainer's memory.</summary>
    public const int MaxChannels = 24;

    public static NumberRange TrainSamples { get; } = new(4, 256);
    public static NumberRange ValSamples { get; } = new(4, 128);
    public static NumberRange HiddenDim { get; } = new(32, 512);
    public static NumberRange NLayers { get; } = new(1, 8);
    public static NumberRange Epochs { get; } = new(1, ConfigChoices.MaxEpochs);
    public static NumberRange BatchSize { get; } = new(1, 64);
    public static NumberRange LearningRate { get; } = new(0, 1e-2, WholeNumbers: false, MinExclusive: true);
    public static NumberRange TimeSteps { get; } = new(3, 12);
    public static NumberRange TrainingSeed { get; } = new(0, 10_000);
    public static NumberRange RolloutWeight { get; } = new(0, 5, WholeNumbers: false);
}
