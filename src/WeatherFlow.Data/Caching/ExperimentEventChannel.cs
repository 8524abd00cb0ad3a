using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Data.Caching;

/// <summary>
/// Live job events over Redis pub/sub, one channel per experiment, so every api replica can stream any experiment.
/// Pub/sub is fire-and-forget: listeners also read Postgres, which stays the source of truth.
/// </summary>
public sealed class ExperimentEventChannel(IConnectionMultiplexer redis, ILogger<ExperimentEventChannel> logger)
{
    public async Task PublishAsync(ExperimentJobEvent jobEvent)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(jobEvent, ExperimentEventJsonContext.Default.ExperimentJobEvent);
            await redis.GetSubscriber().PublishAsync(Channel(jobEvent.Id), payload);
        }
        catch (RedisException exception)
        {
            logger.LogDebug(exception, "Could not publish an event of experiment {ExperimentId}", jobEvent.Id);
        }
    }

    /// <summary>Calls <paramref name="onEvent"/> for each event of the experiment until the result is disposed;
    /// null when Redis is unavailable.</summary>
    public async Task<IAsyncDisposable?> SubscribeAsync(Guid experimentId, Action<ExperimentJobEvent> onEvent)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(Channel(experimentId));
            queue.OnMessage(message =>
            {
                if (JsonSerializer.Deserialize((byte[])message.Message!, ExperimentEventJsonContext.Default.ExperimentJobEvent) is { } jobEvent)
                {
                    onEvent(jobEvent);
                }
            });
            return new Subscription(queue);
        }
        catch (RedisException exception)
        {
            logger.LogDebug(exception, "Could not subscribe to events of experiment {ExperimentId}", experimentId);
            return null;
        }
    }

    private static RedisChannel Channel(Guid experimentId) => RedisChannel.Literal($"weatherflow:experiments:{experimentId:N}:events");

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (RedisException)
            {
                // Redis went away; the server drops the subscription with the connection.
            }
        }
    }
}
