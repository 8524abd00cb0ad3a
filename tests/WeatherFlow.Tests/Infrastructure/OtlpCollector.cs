using System.Collections.Concurrent;
using System.Net;
using static WeatherFlow.Tests.Infrastructure.ProtobufFields;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>A span as exported: which service sent it, its trace and its name.</summary>
public sealed record ExportedSpan(string Service, string TraceId, string Name);

/// <summary>A metric as exported: which service sent it and its instrument name.</summary>
public sealed record ExportedMetric(string Service, string Name);

/// <summary>
/// An OTLP/HTTP (protobuf) receiver on loopback that keeps what the composition's services export, so a test can
/// follow a trace across processes. Paths and message layouts are OTLP's: /v1/traces and /v1/metrics.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private readonly ConcurrentQueue<ExportedMetric> _metrics = new();

    public OtlpCollector()
    {
        (_listener, Endpoint) = Listen();
        _ = Task.Run(ReceiveAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyCollection<ExportedSpan> Spans => _spans;

    public IReadOnlyCollection<ExportedMetric> Metrics => _metrics;

    public void Dispose() => _listener.Close();

    private static (HttpListener, Uri) Listen()
    {
        while (true)
        {
            var endpoint = new Uri($"http://127.0.0.1:{Random.Shared.Next(10000, 32768)}/");
            var listener = new HttpListener { Prefixes = { endpoint.ToString() } };
            try
            {
                listener.Start();
                return (listener, endpoint);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Collect(context.Request.Url!.AbsolutePath, body.ToArray());
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private void Collect(string path, ReadOnlyMemory<byte> request)
    {
        // resource_spans / resource_metrics = 1, each with resource = 1 and scope_spans / scope_metrics = 2.
        foreach (var resourceData in All(request, 1))
        {
            var service = ServiceName(One(resourceData, 1));
            foreach (var scopeData in All(resourceData, 2))
            {
                foreach (var item in All(scopeData, 2))
                {
                    if (path == "/v1/traces")
                    {
                        _spans.Enqueue(new(service, Convert.ToHexString(One(item, 1).Span), String(item, 5)));
                    }
                    else if (path == "/v1/metrics")
                    {
                        _metrics.Enqueue(new(service, String(item, 1)));
                    }
                }
            }
        }
    }

    /// <summary>The resource's <c>service.name</c> attribute (KeyValue: key = 1, value = 2; AnyValue.string_value = 1).</summary>
    private static string ServiceName(ReadOnlyMemory<byte> resource) =>
        All(resource, 1).Where(kv => String(kv, 1) == "service.name").Select(kv => String(One(kv, 2), 1)).FirstOrDefault() ?? "";
}
