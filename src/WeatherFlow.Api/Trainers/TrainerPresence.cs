using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WeatherFlow.Api.Trainers;

/// <summary>
/// Whether any trainer is connected to the trainers' work queue, as the broker counts its consumers. A trainer that
/// crashes loses its connection, so the broker knows at once; neither Postgres nor the trainers' heartbeats can
/// tell a queued run that nobody will pick up. The answer is kept for two seconds, so pages and polling clients
/// cost the broker one passive declare per api replica at most that often.
/// </summary>
public sealed class TrainerPresence(IConfiguration configuration, TimeProvider time, ILogger<TrainerPresence> logger) : IAsyncDisposable
{
    /// <summary>What a queued run's current step says while no trainer is connected.</summary>
    public const string NoTrainerStep = "waiting: no trainer is running";

    // The broker's connection string, as AddRabbitMqMessaging reads it for MassTransit.
    private const string ConnectionName = "messaging";

    // The one place the api depends on which queue the trainers consume.
    private const string WorkQueue = QueueNames.TrainerWork;

    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private volatile Answer? _last;
    private IConnection? _connection;

    /// <summary>How many trainers consume the work queue; null when the broker did not answer.</summary>
    public async Task<int?> ConnectedTrainersAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } kept)
        {
            return kept.Trainers;
        }
        await _probing.WaitAsync(cancellationToken);
        try
        {
            var answer = Fresh() ?? (_last = new Answer(await ProbeAsync(), time.GetUtcNow()));
            return answer.Trainers;
        }
        finally
        {
            _probing.Release();
        }
    }

    /// <summary>The current step to show for a run: <see cref="NoTrainerStep"/> while it is queued and no trainer is connected.</summary>
    public async Task<string?> CurrentStepAsync(string status, string? currentStep, CancellationToken cancellationToken) =>
        status == ExperimentJobStatus.Queued && await ConnectedTrainersAsync(cancellationToken) == 0 ? NoTrainerStep : currentStep;

    private Answer? Fresh() => _last is { } last && time.GetUtcNow() - last.At < KeptFor ? last : null;

    private async Task<int?> ProbeAsync()
    {
        // Not the caller's token: a request that goes away must not leave a failed answer for the others.
        using var deadline = new CancellationTokenSource(ProbeTimeout);
        try
        {
            _connection ??= await new ConnectionFactory
            {
                Uri = new Uri(configuration.GetConnectionString(ConnectionName)!),
                ClientProvidedName = "api trainer presence",
                RequestedConnectionTimeout = ProbeTimeout,
            }.CreateConnectionAsync(deadline.Token);
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: deadline.Token);
            return (int)await channel.ConsumerCountAsync(WorkQueue, deadline.Token);
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // No trainer has declared the queue yet, so none ever consumed it.
            return 0;
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "The broker did not say whether a trainer consumes {Queue}", WorkQueue);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _probing.Dispose();
    }

    private sealed record Answer(int? Trainers, DateTimeOffset At);
}
