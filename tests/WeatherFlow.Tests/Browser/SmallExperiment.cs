namespace WeatherFlow.Tests.Browser;

/// <summary>What the browser test types into the compose form: small enough to train in seconds on two cores,
/// with enough batches for the progress bar to be seen moving.</summary>
public sealed record SmallExperiment(
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> PressureLevels,
    string GridSize,
    int TrainSamples,
    int ValSamples,
    string Backbone,
    string SolverMethod,
    int HiddenDim,
    int Epochs,
    int BatchSize,
    int Seed);
