using System.ComponentModel.DataAnnotations;

namespace WeatherFlow.Web.Datasets;

/// <summary>Bound from the <c>DatasetUpload</c> configuration section.</summary>
public sealed class DatasetUploadOptions
{
    public const string SectionName = "DatasetUpload";

    /// <summary>The api's default storage quota (4 GiB) and room for the multipart headers and text fields: the api
    /// judges the quota itself, this only stops a body that no quota could hold before it is passed on.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = (4L << 30) + (1L << 20);

    /// <summary>How long one upload may take to reach the api and be checked there.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
