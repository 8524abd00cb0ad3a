using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Data.Experiments;

/// <summary>Bound from the <c>ModelStore</c> section: how much of Postgres trained models may take.</summary>
public sealed class ModelStoreOptions
{
    public const string SectionName = "ModelStore";

    /// <summary>A model larger than this is not kept; its run still completes, and says why it has no model.</summary>
    [Range(1, long.MaxValue)]
    public long MaxModelBytes { get; set; } = 64L << 20;

    /// <summary>A model that would take all kept models past this is not kept either.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 4L << 30;
}
