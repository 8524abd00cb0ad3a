using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class RedisBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name,
        int? port = null, IResourceBuilder<ParameterResource>? password = null)
    {
        // No special characters: the password also goes into redis:// URIs.
        var passwordParameter = password?.Resource ?? builder.CreateGeneratedParameter($"{name}-password", special: false);
        var redis = new RedisResource(name, passwordParameter) { Entrypoint = "/bin/sh" };
        redis.Args.Add("-c");
        redis.Args.Add("redis-server --requirepass $REDIS_PASSWORD --save 60 1");
        redis.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", targetPort: 6379) { Port = port });
        redis.EnvironmentCallbacks.Add(context => context.EnvironmentVariables["REDIS_PASSWORD"] = passwordParameter);
        return builder.AddResource(redis);
    }
}
