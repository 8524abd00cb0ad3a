using WeatherFlow.Data.TrainerWork;

namespace WeatherFlow.Data.Experiments;

/// <summary>
/// One submitted experiment. The api creates it (queued) and may cancel it; the trainer holding the current
/// <see cref="RunId"/> owns every other change until a final status.
/// </summary>
public sealed class Experiment : ILeasedWork
{
    public Guid Id { get; set; }

    /// <summary>The account that submitted it; null for an anonymous submission, which no account lists but an admin.</summary>
    public string? OwnerId { get; set; }

    public required string Status { get; set; }
    public double Progress { get; set; }
    public string? CurrentStep { get; set; }
    public required string Description { get; set; }

    /// <summary>The user's name for the run, or one generated from its config.</summary>
    public required string Name { get; set; }

    /// <summary>Lower case (see <c>LabelRules</c>), so filters compare them as they are.</summary>
    public List<string> Tags { get; set; } = [];
    public string? Note { get; set; }

    /// <summary>The canonical, fully defaulted config (stored as <c>json</c>: key order is part of the contract).</summary>
    public required string Config { get; set; }
    public required string ConfigHash { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }

    public Guid? RunId { get; set; }
    public string? TrainerInstance { get; set; }
    public int Attempts { get; set; }

    public string? Error { get; set; }
    public bool FromCache { get; set; }

    /// <summary>The contract-shaped result document (<c>json</c>, not <c>jsonb</c>, to keep it byte for byte).</summary>
    public string? Result { get; set; }

    /// <summary>When retention took the forecast fields out of <see cref="Result"/>, which keeps its scores.</summary>
    public DateTimeOffset? ResultFieldsRemovedAt { get; set; }

    // Copies of config fields and result scores, so history queries filter, sort and group on indexed columns
    // without reading a document. The database computes those it can from the config itself (generated columns).
    public string Backbone { get; private set; } = "";
    public int HiddenDim { get; private set; }
    public int TrainSamples { get; private set; }
    public int Epochs { get; private set; }
    public List<string> Variables { get; set; } = [];

    /// <summary>The dataset the run trains on (<c>dataset.source</c>); null for the synthetic atmosphere.</summary>
    public string? DatasetSource { get; private set; }
    public double? ValidationLoss { get; set; }
    public double? MeanSkill { get; set; }

    /// <summary>Seconds from start to finish; computed by the database, null until the run ends.</summary>
    public double? RunSeconds { get; private set; }

    public List<ExperimentEpochMetric> EpochMetrics { get; set; } = [];

    public List<ExperimentScore> Scores { get; set; } = [];
}
