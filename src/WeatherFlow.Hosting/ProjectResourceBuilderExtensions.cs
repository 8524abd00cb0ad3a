using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>A project with an <c>http</c> endpoint (and <c>https</c> when publishing), given the environment Aspire
    /// gives every project.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = new ProjectResource(name, new TProject());
        project.Endpoints.Add(new EndpointAnnotation("http", "http", "http"));
        if (builder.ExecutionContext.IsPublishMode)
        {
            // Aspire takes both endpoints from a project's https launch profile. Run mode here serves plain http only
            // (no development certificate to rely on); deployed, Container Apps terminates TLS at the ingress.
            project.Endpoints.Add(new EndpointAnnotation("https", "https", "http"));
        }
        project.EnvironmentCallbacks.Add(context =>
        {
            var env = context.EnvironmentVariables;
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
            env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
            if (context.ExecutionContext.IsPublishMode)
            {
                env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
                env["HTTP_PORTS"] = project.GetEndpoint("http").Property(EndpointProperty.TargetPort);
            }
        });
        return builder.AddResource(project);
    }

    /// <summary>Runs several instances; each gets its own port and <c>service.instance.id</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }
}
