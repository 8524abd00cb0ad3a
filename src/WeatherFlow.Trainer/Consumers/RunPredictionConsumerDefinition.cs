namespace WeatherFlow.Trainer.Consumers;

public sealed class RunPredictionConsumerDefinition : ConsumerDefinition<RunPredictionConsumer>
{
    private readonly TrainerOptions _options;

    public RunPredictionConsumerDefinition(IOptions<TrainerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.RunPrediction;
        ConcurrentMessageLimit = _options.Concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RunPredictionConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.Concurrency;
        endpointConfigurator.UseMessageRetry(retry =>
            retry.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval));
    }
}
