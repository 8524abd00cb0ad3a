using WeatherFlow.Api.ModelStore;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Apis;

public static class ExperimentModelsApi
{
    public static IEndpointRouteBuilder MapExperimentModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Models");

        api.MapGet("/{id}/model", GetModelAsync)
            .WithName("GetExperimentModel")
            .WithSummary("The trained model's weights: a safetensors file, the PyTorch state dict that made the run's forecast")
            .WithDescription("Load it with `safetensors.torch.load_file`; `GET …/model/metadata` says how to rebuild the network and scale its inputs.")
            .Produces<byte[]>(contentType: "application/octet-stream");
        api.MapGet("/{id}/model/metadata", GetModelMetadataAsync)
            .WithName("GetExperimentModelMetadata")
            .WithSummary("What the model's weights need: architecture, config, channels, epoch and normalisation");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetModelAsync(
        string id, ExperimentModelStore models, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId))
        {
            return ExperimentsApi.NotFound(id);
        }
        var lookup = await models.FindAsync(experimentId, withWeights: true, cancellationToken);
        return lookup is ModelLookup.Found { Weights: { } weights }
            ? TypedResults.File(weights, "application/octet-stream", $"weatherflow-{experimentId:N}.safetensors")
            : Problem(id, lookup);
    }

    public static async Task<Results<Ok<ModelMetadata>, ProblemHttpResult>> GetModelMetadataAsync(
        string id, ExperimentModelStore models, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId))
        {
            return ExperimentsApi.NotFound(id);
        }
        var lookup = await models.FindAsync(experimentId, withWeights: false, cancellationToken);
        return lookup is ModelLookup.Found found
            ? TypedResults.Ok(JsonSerializer.Deserialize<ModelMetadata>(found.MetadataJson, ExperimentJson.Options)!)
            : Problem(id, lookup);
    }

    internal static ProblemHttpResult Problem(string id, ModelLookup lookup) => lookup switch
    {
        ModelLookup.NotCompleted run => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Experiment has no model yet",
            detail: $"Experiment {id} is {run.Status}; its model is kept once it completes."),
        ModelLookup.NotKept notKept => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Model not kept",
            detail: notKept.Reason),
        _ => ExperimentsApi.NotFound(id),
    };
}
