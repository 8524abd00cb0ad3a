using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Serialised jobs in a final state (up to a few MB each with the result), bounded by size. A final job changes only
/// when its labels are edited or it is deleted: the replica that changes it says so over Redis and every replica drops
/// its copy. While this replica is not subscribed it could miss such a message, so it then serves nothing from the
/// cache, and it empties the cache whenever its Redis connection fails or comes back.
/// </summary>
public sealed class FinishedJobCache : BackgroundService
{
    private static readonly RedisChannel Changes = RedisChannel.Literal("weatherflow:experiments:changed");

    /// <summary>The longest a replica serves a copy after a change it was not told of.</summary>
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _jobs;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<FinishedJobCache> _logger;
    private volatile bool _subscribed;

    public FinishedJobCache(IOptions<ExperimentsOptions> options, IConnectionMultiplexer redis, ILogger<FinishedJobCache> logger)
    {
        _jobs = new(new MemoryCacheOptions { SizeLimit = options.Value.FinishedJobCacheBytes });
        (_redis, _logger) = (redis, logger);
        _redis.ConnectionFailed += (_, _) => _jobs.Clear();
        _redis.ConnectionRestored += (_, _) => _jobs.Clear();
    }

    public FinishedJob? TryGet(Guid experimentId) =>
        _subscribed && _redis.IsConnected && _jobs.TryGetValue(experimentId, out FinishedJob? job) ? job : null;

    public void Add(Guid experimentId, FinishedJob job) =>
        _jobs.Set(experimentId, job, new MemoryCacheEntryOptions { Size = job.Json.Length, AbsoluteExpirationRelativeToNow = EntryLifetime });

    /// <summary>Drops the job here and tells the other replicas to drop it.</summary>
    public async Task InvalidateAsync(Guid experimentId)
    {
        _jobs.Remove(experimentId);
        try
        {
            await _redis.GetSubscriber().PublishAsync(Changes, experimentId.ToString());
        }
        catch (RedisException exception)
        {
            // Replicas whose connection failed too serve nothing from their caches meanwhile; any other drops its
            // copy within the entry lifetime.
            _logger.LogWarning(exception, "Could not tell the other api replicas that experiment {ExperimentId} changed", experimentId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // StackExchange.Redis subscribes again by itself after a reconnect, once the first subscription succeeded.
        while (!_subscribed && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _redis.GetSubscriber().SubscribeAsync(Changes, (_, message) =>
                {
                    if (Guid.TryParse(message.ToString(), out var experimentId))
                    {
                        _jobs.Remove(experimentId);
                    }
                });
                _subscribed = true;
            }
            catch (RedisException exception)
            {
                _logger.LogDebug(exception, "Could not subscribe to experiment changes yet");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _jobs.Dispose();
        base.Dispose();
    }
}

/// <param name="OwnerId">Kept with the bytes, so a cached job is served only to whom may read it.</param>
public sealed record FinishedJob(string? OwnerId, byte[] Json);
