using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace WeatherFlow.Data.DatasetFiles;

/// <summary>
/// A dataset's files in blob storage: one container for every dataset, each file a blob named
/// <c>{datasetId}/{fileName}</c>, so that a dataset's files are the blobs under its prefix.
/// </summary>
public sealed class DatasetFileStore(BlobServiceClient blobs)
{
    public const string ContainerName = "datasets";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    // Two first uploads at once both ask for the container; the second finds it there.
    private bool _containerExists;

    /// <summary>Stores the file, replacing one of the same name, streamed as it is read.</summary>
    /// <returns>The bytes written.</returns>
    public async Task<long> UploadAsync(Guid datasetId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        // Counted as the client reads it: a stream being received may not know its length.
        var counted = new CountingReadStream(content);
        await Blob(datasetId, fileName).UploadAsync(counted, overwrite: true, cancellationToken);
        return counted.BytesRead;
    }

    public async Task DownloadToAsync(Guid datasetId, string fileName, string path, CancellationToken cancellationToken) =>
        await Blob(datasetId, fileName).DownloadToAsync(path, cancellationToken);

    /// <summary>
    /// A local copy of the file in <paramref name="folder"/> (one folder per dataset version), downloaded when absent.
    /// It appears under its final name only when whole, so a process that dies mid-download leaves nothing another
    /// would mistake for the file.
    /// </summary>
    public async Task<string> LocalCopyAsync(Guid datasetId, string fileName, long bytes, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory.CreateDirectory(folder).FullName, Path.GetFileName(fileName));
        if (File.Exists(path) && new FileInfo(path).Length == bytes)
        {
            return path;
        }
        var partial = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await DownloadToAsync(datasetId, fileName, partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return path;
    }

    public async Task<bool> ExistsAsync(Guid datasetId, string fileName, CancellationToken cancellationToken) =>
        await Blob(datasetId, fileName).ExistsAsync(cancellationToken);

    /// <summary>Deletes every file of the dataset; none is no error.</summary>
    public async Task DeleteAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(datasetId) }, cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }
    }

    private BlobClient Blob(Guid datasetId, string fileName) => _container.GetBlobClient(Prefix(datasetId) + fileName);

    private static string Prefix(Guid datasetId) => $"{datasetId}/";
}
