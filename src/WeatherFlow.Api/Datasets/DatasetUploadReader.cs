using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WeatherFlow.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>
/// Reads a <c>multipart/form-data</c> dataset upload as it arrives: each <c>files</c> part is copied to a spool file
/// (never held in memory) and hashed on the way, and the upload stops with 413 the moment it passes what the
/// account's storage quota leaves. The text fields give what the files may lack (<see cref="DatasetHints"/>).
/// </summary>
public static class DatasetUploadReader
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxFileNameLength = 100;

    public static async Task<DatasetUpload> ReadAsync(HttpRequest request, long allowedBytes, DatasetOptions options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new DatasetUploadException(StatusCodes.Status415UnsupportedMediaType, "Not a form upload",
                "Send the dataset as multipart/form-data with one or more 'files' parts.");
        }
        if (request.ContentLength > allowedBytes + MaxFieldBytes)
        {
            throw QuotaExceeded(allowedBytes);
        }
        var directory = Directory.CreateDirectory(Path.Combine(options.UploadDirectory, Guid.NewGuid().ToString("N"))).FullName;
        var files = new List<(DatasetFilePath Path, long Bytes, string Sha256)>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            long total = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                {
                    throw BadRequest("Every part of the upload must be a form field or a file.");
                }
                var fieldName = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (fieldName != "files")
                    {
                        throw BadRequest($"Files go in 'files' parts; '{fieldName}' is not one.");
                    }
                    if (files.Count == options.MaxFilesPerDataset)
                    {
                        throw BadRequest($"A dataset has at most {options.MaxFilesPerDataset} files.");
                    }
                    var name = FileName(disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                    if (files.Any(file => file.Path.Name == name))
                    {
                        throw BadRequest($"Two files are named '{name}'.");
                    }
                    var path = Path.Combine(directory, name);
                    var (bytes, sha256) = await SpoolAsync(section.Body, path, allowedBytes - total, allowedBytes, cancellationToken);
                    total += bytes;
                    files.Add((new DatasetFilePath(name, path), bytes, sha256));
                }
                else
                {
                    fields[fieldName] = await ReadFieldAsync(section.Body, fieldName, cancellationToken);
                }
            }
            if (files.Count == 0)
            {
                throw BadRequest("The upload has no 'files' part: send at least one NetCDF file.");
            }
            var ordered = files.OrderBy(file => file.Path.Name, StringComparer.Ordinal).ToList();
            return new DatasetUpload(
                DatasetName(fields.GetValueOrDefault("name"), ordered[0].Path.Name),
                [.. ordered.Select(file => file.Path)],
                total,
                Digest(ordered.Select(file => (file.Path.Name, file.Sha256))),
                DatasetHintsForm.Read(fields),
                Text(fields, "provenance"),
                Text(fields, "licence"),
                directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>SHA-256 over each file's name and content hash, in name order: equal files give an equal digest.</summary>
    public static string Digest(IEnumerable<(string Name, string Sha256)> files) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(files.Select(file => $"{file.Name}\0{file.Sha256}\n")))));

    private static async Task<(long Bytes, string Sha256)> SpoolAsync(Stream body, string path, long allowed, long quota, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
            if (bytes > allowed)
            {
                throw QuotaExceeded(quota);
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length <= MaxFieldBytes && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        return length > MaxFieldBytes
            ? throw BadRequest($"The field '{name}' is longer than {MaxFieldBytes} bytes.")
            : Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Only the last segment of what the client sent, of safe characters: a file name never becomes a path.</summary>
    private static string FileName(string? sent)
    {
        var name = Path.GetFileName((sent ?? "").Replace('\\', '/'));
        return name.Length is > 0 and <= MaxFileNameLength && name != "." && name != ".."
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? name
            : throw BadRequest($"The file name '{sent}' must be 1–{MaxFileNameLength} letters, digits, '.', '_' or '-'.");
    }

    private static string DatasetName(string? given, string firstFile)
    {
        var name = string.IsNullOrWhiteSpace(given) ? Path.GetFileNameWithoutExtension(firstFile) : given.Trim();
        return name.Length <= WeatherFlow.Data.Datasets.Dataset.MaxNameLength && !name.Any(char.IsControl)
            ? name
            : throw BadRequest($"A dataset name has at most {WeatherFlow.Data.Datasets.Dataset.MaxNameLength} characters and no control characters.");
    }

    private static string? Text(Dictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    internal static DatasetUploadException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Invalid upload", detail);

    private static DatasetUploadException QuotaExceeded(long allowed) => new(StatusCodes.Status413PayloadTooLarge, "Storage quota exceeded",
        $"This upload needs more than the {allowed.ToString("N0", CultureInfo.InvariantCulture)} bytes your dataset storage quota has left; delete a dataset or ask an admin for more.");
}
