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
        var statusLine = await ReadLineAsync();
        var status = int.Parse(statusLine.AsSpan(9, 3));
        long contentLength = -1;
        var chunked = false;
        while (await ReadLineAsync() is { Length: > 0 } header)
        {
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(header.AsSpan("Content-Length:".Length).Trim());
            }
            else if (header.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && header.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }
        if (chunked)
        {
            while (Convert.ToInt64((await ReadLineAsync()).Split(';')[0], 16) is var size and > 0)
            {
                await SkipAsync(size + 2);
            }
            await ReadLineAsync();
        }
        else if (contentLength > 0)
        {
            await SkipAsync(contentLength);
        }
        return status;
    }

    private async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline);
                _start += newline + 2;
                return line;
            }
            await FillAsync();
        }
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
