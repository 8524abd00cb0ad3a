namespace WeatherFlow.Api.Apis;

/// <summary>The reference server's small documents, unchanged for its clients.</summary>
public static class ContractApi
{
    public static IEndpointRouteBuilder MapContractApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Contract");
        // A liveness probe: kept out of request metrics (and traces, by the service defaults) like /health.
        api.MapGet("/health", () => TypedResults.Ok(ApiHealth.Ok))
            .DisableHttpMetrics()
            .WithName("GetApiHealth")
            .WithSummary("Liveness as the reference contract reports it: {\"status\":\"ok\"}");
        api.MapGet("/options", () => TypedResults.Ok(OptionsDocument.Current))
            .WithName("GetOptions")
            .WithSummary("The choices an experiment config offers");
        return app;
    }
}
