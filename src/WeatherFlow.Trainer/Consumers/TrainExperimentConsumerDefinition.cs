namespace WeatherFlow.Trainer.Consumers;

public sealed class TrainExperimentConsumerDefinition : ConsumerDefinition<TrainExperimentConsumer>
{
    private readonly TrainerOptions _options;

    public TrainExperimentConsumerDefinition(IOptions<TrainerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.TrainExperiment;
        ConcurrentMessageLimit = _options.Concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainExperimentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Each replica holds only the messages it is running, so a waiting command goes to an idle replica.
        endpointConfigurator.PrefetchCount = _options.Concurrency;
        // The consumer stores inherent failures itself and rethrows only transient faults, which are retried here.
        endpointConfigurator.UseMessageRetry(retry =>
            retry.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval));
    }
}
