namespace WeatherFlow.Data.Datasets;

/// <summary>
/// A set of NetCDF files sharing a time axis and grid, kept in blob storage under its id; this row holds what
/// inspection found in them (<see cref="Description"/>, a <c>DatasetDescription</c> as JSON) and who may use it.
/// </summary>
public sealed class Dataset
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The uploading account; null for a built-in dataset, which is public and nobody's to delete.</summary>
    public string? OwnerId { get; set; }

    public bool IsPublic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Bytes { get; set; }

    /// <summary>SHA-256 over the files' names and contents: part of the result-cache key of every run on it.</summary>
    public required string Digest { get; set; }

    public required string Description { get; set; }
    public string? Provenance { get; set; }
    public string? Licence { get; set; }
}
