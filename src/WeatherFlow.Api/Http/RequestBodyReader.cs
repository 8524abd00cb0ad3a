using System.Buffers;
using System.IO.Pipelines;

namespace WeatherFlow.Api.Http;

public static class RequestBodyReader
{
    /// <summary>Reads the whole body, or returns null as soon as it is longer than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="BadHttpRequestException">The body is malformed. Kestrel reports some framing errors, such as
    /// a chunk size that overflows, as an <see cref="IOException"/>, which would otherwise answer 500.</exception>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadOrNullAsync(request, maxBytes, cancellationToken);
        }
        // Kestrel's own refusals (a body past its limit: 413) are already what the client should hear.
        catch (IOException exception) when (exception is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The request body could not be read: {exception.Message}", StatusCodes.Status400BadRequest, exception);
        }
    }

    private static async Task<byte[]?> ReadOrNullAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
