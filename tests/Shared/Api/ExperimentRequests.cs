namespace WeatherFlow.TestSupport;

/// <summary>Request bodies for the experiment tests. Every test uses its own seed, so the result cache, which the
/// tests of one composition share, answers only the requests meant to hit it.</summary>
internal static class ExperimentRequests
{
    /// <summary>The contract's small request (EXPERIMENT-CONTRACT.md), byte for byte.</summary>
    public const string ContractSmall =
        """{"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},"model":{"backbone":"grid"},"training":{"epochs":1,"batchSize":2}}""";

    /// <summary>An 8×8 single-channel grid model: about 0.1 s per batch on one core, so a run's length is set by
    /// its number of batches (<paramref name="trainSamples"/> / <paramref name="batchSize"/> × <paramref name="epochs"/>).</summary>
    public static string Tiny(int seed, int trainSamples = 8, int epochs = 1, int batchSize = 2, string solver = "dopri5") =>
        $$$"""
        {"dataset":{"variables":["t"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":8},"trainSamples":{{{trainSamples}}},"valSamples":4},
         "model":{"backbone":"grid","hiddenDim":32,"nLayers":1},
         "training":{"epochs":{{{epochs}}},"batchSize":{{{batchSize}}},"solverMethod":"{{{solver}}}","seed":{{{seed}}}}}
        """;

    /// <summary>Runs for several seconds, with progress to see on the way.</summary>
    public static string Seconds(int seed) => Tiny(seed, trainSamples: 16, epochs: 3, batchSize: 1);

    /// <summary>Runs for about ten seconds: long enough to be interrupted after its trainer's stop grace time.</summary>
    public static string TenSeconds(int seed) => Tiny(seed, trainSamples: 64, epochs: 3, batchSize: 1);

    /// <summary>Would run for many minutes: only ever cancelled or interrupted.</summary>
    public static string Minutes(int seed) => Tiny(seed, trainSamples: 256, epochs: 6, batchSize: 1);

    /// <summary>Two channels on an 8×16 grid, evaluated at <paramref name="leadTimes"/> (a JSON array of hours).</summary>
    public static string Evaluated(int seed, int hiddenDim, string leadTimes) => $$$"""
        {"dataset":{"variables":["t","z"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":16},"trainSamples":8,"valSamples":4},
         "model":{"backbone":"grid","hiddenDim":{{{hiddenDim}}},"nLayers":1,"windowSize":4},
         "training":{"epochs":1,"batchSize":4,"solverMethod":"rk4","timeSteps":3,"seed":{{{seed}}}},
         "evaluation":{"leadTimes":{{{leadTimes}}}}}
        """;
}
