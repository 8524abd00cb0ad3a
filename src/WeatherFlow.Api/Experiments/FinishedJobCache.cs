using Microsoft.Extensions.Caching.Memory;

namespace WeatherFlow.Api.Experiments;

/// <summary>Serialised jobs in a final state (immutable, up to a few MB each with the result), bounded by size.</summary>
public sealed class FinishedJobCache(IOptions<ApiOptions> options) : IDisposable
{
    private readonly MemoryCache _jobs = new(new MemoryCacheOptions { SizeLimit = options.Value.FinishedJobCacheBytes });

    public byte[]? TryGet(Guid experimentId) => _jobs.TryGetValue(experimentId, out byte[]? json) ? json : null;

    public void Add(Guid experimentId, byte[] json) =>
        _jobs.Set(experimentId, json, new MemoryCacheEntryOptions { Size = json.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _jobs.Dispose();
}
