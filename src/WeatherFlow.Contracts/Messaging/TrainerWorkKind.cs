namespace WeatherFlow.Contracts.Messaging;

/// <summary>What a piece of trainer work is, and so which table holds it and which handler runs it.</summary>
public enum TrainerWorkKind
{
    /// <summary>Train an experiment's model.</summary>
    Experiment,

    /// <summary>Forecast with a run's stored model.</summary>
    Prediction,
}

public static class TrainerWorkKinds
{
    /// <summary>The kind as a word for logs, span names and messages: "experiment", "prediction".</summary>
    public static string Noun(this TrainerWorkKind kind) => kind switch
    {
        TrainerWorkKind.Experiment => "experiment",
        TrainerWorkKind.Prediction => "prediction",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of trainer work."),
    };
}
