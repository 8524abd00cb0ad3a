using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WeatherFlow.Data.Caching;

/// <summary>
/// Results by config hash in Redis. The cache is an accelerator only: while Redis is down every call is a miss
/// or a no-op, and experiments are trained as usual.
/// </summary>
public sealed class ExperimentResultCache(IConnectionMultiplexer redis, IOptions<ResultCacheOptions> options, ILogger<ExperimentResultCache> logger)
{
    public async Task<string?> GetAsync(string configHash)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(configHash));
            return value.IsNull ? null : value.ToString();
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Result cache read failed; answering without the cache");
            return null;
        }
    }

    public async Task SetAsync(string configHash, string resultJson)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(configHash), resultJson, options.Value.TimeToLive);
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Result cache write failed; the result is still stored in Postgres");
        }
    }

    /// <summary>Forgets a config's result, so its next run trains again (and so keeps a model) instead of being
    /// answered from the cache.</summary>
    public async Task RemoveAsync(string configHash)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(configHash));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Result cache delete failed; the entry expires on its own");
        }
    }

    /// <summary>
    /// Raised when the engine's result gains what earlier results lack (2: the evaluation), so that the cache answers
    /// only what a run would give today; older entries are left to expire.
    /// </summary>
    private const int ResultVersion = 2;

    private static RedisKey Key(string configHash) => $"weatherflow:results:v{ResultVersion}:{configHash}";
}
