using WeatherFlow.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>An upload spooled to local files, with its form fields read and checked; <see cref="Dispose"/> removes the files.</summary>
public sealed record DatasetUpload(string Name, IReadOnlyList<DatasetFilePath> Files, long Bytes, string Digest, DatasetHints Hints,
    string? Provenance, string? Licence, string Directory) : IDisposable
{
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
