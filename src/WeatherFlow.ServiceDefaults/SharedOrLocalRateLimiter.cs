using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A budget counted in Redis, so that it holds across replicas, and on this replica alone while Redis is down: then a
/// client gets its limit from each replica, which is still a limit, rather than none or a 500. The api's and the
/// web's limits are of this kind.
/// </summary>
public sealed class SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, IConnectionMultiplexer redis, ILogger logger) : RateLimiter
{
    /// <summary>A fixed window of <paramref name="permitLimit"/> requests, counted under <paramref name="key"/>.</summary>
    public static SharedOrLocalRateLimiter FixedWindow(string key, int permitLimit, TimeSpan window, IConnectionMultiplexer redis, ILogger logger) =>
        new(new RedisFixedWindowRateLimiter<string>($"weatherflow:{key}", new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = permitLimit,
                Window = window,
            }),
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            redis, logger);

    /// <summary>Whole seconds until a refused caller may try again, at least one. The in-memory limiter says it as
    /// <see cref="MetadataName.RetryAfter"/> (a whole window: it does not say how much of it is left); Redis' limiter in
    /// seconds, under a name of its own.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, TimeSpan window)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var local) ? local
            : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

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
