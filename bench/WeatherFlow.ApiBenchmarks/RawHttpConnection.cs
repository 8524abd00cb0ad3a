using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// A wrk-style HTTP/1.1 keep-alive connection: one socket, one pre-encoded GET, and only the parsing needed to find
/// where each response ends (Content-Length or chunked). On a 2-core machine the load generator shares the CPU with
/// the api, so a generator this cheap leaves the api most of it.
/// </summary>
public sealed class RawHttpConnection(Socket socket, byte[] request) : IDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public static async Task<RawHttpConnection> OpenAsync(Uri baseAddress, string path)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept: application/json\r\n\r\n");
        return new RawHttpConnection(socket, request);
    }

    /// <summary>Sends the request and reads the whole response; returns its status code.</summary>
    public async Task<int> GetAsync()
    {
        await socket.SendAsync(request, SocketFlags.None);
        var headEnd = await IndexOfAsync(HeadEnd);
        var (status, contentLength, chunked) = ParseHead(_buffer.AsSpan(_start, headEnd));
        _start += headEnd + 4;
        if (chunked)
        {
            while (await ReadChunkSizeAsync() is var size and > 0)
            {
                await SkipAsync(size + 2);
            }
            await SkipAsync(2);
        }
        else
        {
            await SkipAsync(contentLength);
        }
        return status;
    }

    private static (int Status, long ContentLength, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _);
        long contentLength = 0;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (line.StartsWith("Content-Length:"u8) || line.StartsWith("content-length:"u8))
            {
                Utf8Parser.TryParse(line["Content-Length:".Length..].Trim((byte)' '), out contentLength, out _);
            }
            else if ((line.StartsWith("Transfer-Encoding:"u8) || line.StartsWith("transfer-encoding:"u8)) && line.IndexOf("chunked"u8) >= 0)
            {
                chunked = true;
            }
        }
        return (status, contentLength, chunked);
    }

    private async Task<long> ReadChunkSizeAsync()
    {
        var lineEnd = await IndexOfAsync(LineEnd);
        Utf8Parser.TryParse(_buffer.AsSpan(_start, lineEnd), out long size, out _, 'x');
        _start += lineEnd + 2;
        return size;
    }

    /// <summary>Reads until <paramref name="marker"/> is buffered; its offset from the unread start.</summary>
    private async Task<int> IndexOfAsync(byte[] marker)
    {
        int index;
        while ((index = _buffer.AsSpan(_start, _end - _start).IndexOf(marker)) < 0)
        {
            await FillAsync();
        }
        return index;
    }

    private async Task SkipAsync(long count)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync();
            }
            var skipped = (int)Math.Min(count, _end - _start);
            _start += skipped;
            count -= skipped;
        }
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }
        _end += read;
    }

    public void Dispose() => socket.Dispose();
}
