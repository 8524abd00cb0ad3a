namespace WeatherFlow.Trainer.Work;

public sealed class TrainerWorkConsumerDefinition : ConsumerDefinition<TrainerWorkConsumer>
{
    private readonly TrainerOptions _options;

    public TrainerWorkConsumerDefinition(IOptions<TrainerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.TrainerWork;
        ConcurrentMessageLimit = _options.Concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainerWorkConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Each replica holds only the messages it is running, so a waiting command goes to an idle replica.
        endpointConfigurator.PrefetchCount = _options.Concurrency;
        // The consumer stores inherent failures itself and rethrows only transient faults, which are retried here.
        endpointConfigurator.UseMessageRetry(retry =>
            retry.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval));
    }
}
