namespace WeatherFlow.Api.Hardening;

/// <summary>
/// A request body of no declared length that refuses to be read past a limit, with 413. Written here because Kestrel's
/// own limit (<c>IHttpMaxRequestBodySizeFeature</c>) does the same but then closes the connection without reading what
/// the client is still sending, so the client sees a reset rather than the answer; refused here, Kestrel discards
/// the rest after the answer, as after any body an endpoint did not read to its end.
/// </summary>
internal sealed class LimitedRequestBody(Stream body, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await body.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Counted(body.Read(buffer, offset, count));

    private int Counted(int read)
    {
        _read += read;
        return _read > limit
            ? throw new BadHttpRequestException($"The request body must not exceed {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
            : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
