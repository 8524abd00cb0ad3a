using System.Buffers;
using System.IO.Pipelines;

namespace WeatherFlow.Api.Http;

public static class RequestBodyReader
{
    /// <summary>Reads the whole body. Its size is bounded before this runs (<see cref="Hardening.RequestBodyLimits"/>):
    /// a body past the limit ends the read with a 413 <see cref="BadHttpRequestException"/>.</summary>
    /// <exception cref="BadHttpRequestException">The body is malformed. Kestrel reports some framing errors, such as
    /// a chunk size that overflows, as an <see cref="IOException"/>, which would otherwise answer 500.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var reader = request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                if (read.IsCompleted)
                {
                    var body = read.Buffer.ToArray();
                    reader.AdvanceTo(read.Buffer.End);
                    return body;
                }
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        // Refusals of a body past its limit (413) are already what the client should hear.
        catch (IOException exception) when (exception is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The request body could not be read: {exception.Message}", StatusCodes.Status400BadRequest, exception);
        }
    }
}
