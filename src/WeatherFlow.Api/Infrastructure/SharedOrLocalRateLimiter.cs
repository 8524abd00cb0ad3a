using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace WeatherFlow.Api.Infrastructure;

/// <summary>
/// A budget counted in Redis, so that it holds across api replicas, and on this replica alone while Redis is down:
/// then a client gets its limit from each replica, which is still a limit, rather than none or a 500.
/// </summary>
internal sealed class SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, IConnectionMultiplexer redis, ILogger logger) : RateLimiter
{
    private long _lastAcquired = Stopwatch.GetTimestamp();

    /// <summary>Idle while the local count is untouched and nobody asked for a while, so the partitioned limiter
    /// drops it then; the count in Redis stays. Redis' limiter would say it is never idle, so it is not asked.</summary>
    public override TimeSpan? IdleDuration =>
        local.IdleDuration is null ? null : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastAcquired));

    /// <summary>Redis' limiter keeps no statistics (it throws), so neither does this.</summary>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Redis' limiter refuses every synchronous attempt without asking Redis; the middleware then waits
    /// for <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastAcquired, Stopwatch.GetTimestamp());
        // While disconnected the multiplexer fails commands at once anyway (BacklogPolicy.FailFast); asking it first
        // only spares a logged exception per request.
        if (redis.IsConnected)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogWarning(exception, "The rate limit count in Redis failed; counting on this replica alone");
            }
        }
        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }
        base.Dispose(disposing);
    }
}
