using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace WeatherFlow.Api.Hardening;

/// <summary>
/// Gives the errors Kestrel answers by itself a ProblemDetails body. A request it cannot parse (a malformed request
/// line, a NUL in the path, a bad Content-Length or chunk header) or that passes its limits (a request line over
/// <see cref="KestrelServerLimits.MaxRequestLineSize"/>, 414; headers over
/// <see cref="KestrelServerLimits.MaxRequestHeadersTotalSize"/> or <see cref="KestrelServerLimits.MaxRequestHeaderCount"/>,
/// 431) is answered with an empty 4xx before any middleware runs, and Kestrel offers no hook to change that
/// (aspnet/KestrelHttpServer#2947), so a connection middleware rewrites those responses on their way out. They are
/// recognised as a response head with an error status, <c>Content-Length: 0</c> and no <c>X-Content-Type-Options</c>,
/// which every response of the app's pipeline carries (<see cref="ResponseHeaders.UseNoSniff"/>). HTTP/1.x on plain
/// connections only: HTTP/2 frames and TLS records never look like such a head, so they pass untouched.
/// </summary>
public static class KestrelErrorResponses
{
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] NoSniff = "\r\nX-Content-Type-Options:"u8.ToArray();
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    /// <summary>A head Kestrel writes for its own errors is a hundred or so bytes.</summary>
    private const int MaxHeadBytes = 1024;

    public static IServiceCollection AddProblemDetailsForKestrelErrors(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new RewritingTransport(connection.Transport, kestrel.Limits);
            return next(connection);
        })));

    /// <summary>The response with a ProblemDetails body, when <paramref name="written"/> is the whole head of one of
    /// Kestrel's own empty error responses; otherwise null.</summary>
    private static byte[]? Rewrite(ReadOnlySpan<byte> written, KestrelServerLimits limits)
    {
        if (written.Length is < 16 or > MaxHeadBytes
            || !written.StartsWith("HTTP/1."u8)
            || written[9] is not ((byte)'4' or (byte)'5')
            || !written.EndsWith(EndOfHead)
            || written.IndexOf(NoSniff) >= 0
            || !int.TryParse(written.Slice(9, 3), out var status))
        {
            return null;
        }
        var emptyBody = written.IndexOf(EmptyBody);
        if (emptyBody < 0)
        {
            return null;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails
        {
            Type = "about:blank",
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = Detail(status, limits),
        });
        var headers = Encoding.ASCII.GetBytes(
            $"\r\nContent-Type: application/problem+json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: {body.Length}\r\n");
        // The head without its Content-Length line, then the new headers, the rest of the head and the body.
        return [.. written[..emptyBody], .. headers, .. written[(emptyBody + EmptyBody.Length)..], .. body];
    }

    private static string Detail(int status, KestrelServerLimits limits) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request headers did not arrive in time.",
        StatusCodes.Status411LengthRequired => "The request has a body but neither a Content-Length nor chunked transfer encoding.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the server accepts.",
        StatusCodes.Status414UriTooLong => $"The request line (method, target and version) must not exceed {limits.MaxRequestLineSize} bytes.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => $"The request headers must not exceed {limits.MaxRequestHeadersTotalSize} bytes in all, nor {limits.MaxRequestHeaderCount} headers.",
        StatusCodes.Status501NotImplemented => "The request uses a transfer coding or method the server does not implement.",
        StatusCodes.Status505HttpVersionNotsupported => "Only HTTP/1.0 and HTTP/1.1 requests are served on this connection.",
        _ => "The request could not be parsed as HTTP: its request line, a header, or its framing (Content-Length or chunked encoding) is malformed.",
    };

    private sealed class RewritingTransport(IDuplexPipe transport, KestrelServerLimits limits) : IDuplexPipe
    {
        public PipeReader Input => transport.Input;

        public PipeWriter Output { get; } = new RewritingWriter(transport.Output, limits);
    }

    /// <summary>
    /// Passes every write straight to the transport's buffers; only a write that is the whole head of one of Kestrel's
    /// error responses is replaced before it is committed. Kestrel writes such a head in one piece.
    /// </summary>
    private sealed class RewritingWriter(PipeWriter transport, KestrelServerLimits limits) : PipeWriter
    {
        private Memory<byte> _lent;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = transport.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (bytes > 0 && Rewrite(_lent.Span[..bytes], limits) is { } response)
            {
                // Not advanced yet, so the head is dropped and the response written in its place.
                response.CopyTo(transport.GetSpan(response.Length));
                transport.Advance(response.Length);
                return;
            }
            transport.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => transport.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => transport.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => transport.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => transport.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => transport.CanGetUnflushedBytes;

        public override long UnflushedBytes => transport.UnflushedBytes;
    }
}
