namespace WeatherFlow.Trainer;

/// <summary>Bound from the <c>Trainer</c> configuration section.</summary>
public sealed class TrainerOptions
{
    public const string SectionName = "Trainer";

    /// <summary>Experiments one replica runs at a time (also its RabbitMQ prefetch); scale out with replicas.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>A run still going after this is cancelled (between batches) and fails with a time-limit error.</summary>
    public TimeSpan SoftTimeLimit { get; set; } = TimeSpan.FromMinutes(25);

    /// <summary>A run that has not stopped by this time is abandoned, failed, and the replica restarts, since a
    /// stuck native call cannot be interrupted in-process.</summary>
    public TimeSpan HardTimeLimit { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A forecast asked of a stored model still going after this is stopped and fails. The api sends a
    /// running prediction to the trainers again only after this and a minute more have passed.</summary>
    public TimeSpan PredictionTimeLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Redeliveries with exponential backoff after a transient fault, before the experiment fails.</summary>
    public int RetryLimit { get; set; } = 3;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times an experiment may be started (redeliveries after a dead trainer and transient-fault
    /// retries) before it fails for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Where dataset files are kept once downloaded, a folder per dataset version, shared by the machine's replicas.</summary>
    public string DatasetCacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "weatherflow-datasets");

    /// <summary>Progress is written to Postgres and published to Redis at most this often.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
