using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Api.Datasets;

/// <summary>Bound from the <c>Datasets</c> configuration section.</summary>
public sealed class DatasetOptions
{
    public const string SectionName = "Datasets";

    /// <summary>The bytes of dataset files an account may keep; one upload may use what is left of it.</summary>
    [Range(1, long.MaxValue)]
    public long StorageQuotaBytes { get; set; } = 4L << 30;

    [Range(1, 256)]
    public int MaxFilesPerDataset { get; set; } = 32;

    /// <summary>Where an upload is spooled while it is checked, before it goes to blob storage.</summary>
    [Required]
    public string UploadDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "weatherflow-uploads");

    /// <summary>Debian's libncarg-data: NCAR's storm episode, registered once as the built-in dataset.</summary>
    [Required]
    public string BuiltInDirectory { get; set; } = "/usr/share/ncarg/data/cdf";

    [Required]
    public string BuiltInCopyrightFile { get; set; } = "/usr/share/doc/libncarg-data/copyright";
}
