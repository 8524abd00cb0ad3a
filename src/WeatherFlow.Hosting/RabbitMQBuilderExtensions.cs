using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class RabbitMQBuilderExtensions
{
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        // No special characters: the password goes into the amqp:// connection string.
        var passwordParameter = password?.Resource ?? builder.CreateGeneratedParameter($"{name}-password", special: false);
        var rabbitMq = new RabbitMQServerResource(name, passwordParameter);
        rabbitMq.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", targetPort: 5672) { Port = port });
        rabbitMq.EnvironmentCallbacks.Add(context =>
        {
            context.EnvironmentVariables["RABBITMQ_DEFAULT_USER"] = RabbitMQServerResource.UserName;
            context.EnvironmentVariables["RABBITMQ_DEFAULT_PASS"] = passwordParameter;
        });
        return builder.AddResource(rabbitMq);
    }
}
