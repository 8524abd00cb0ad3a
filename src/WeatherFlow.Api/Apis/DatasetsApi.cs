using Microsoft.AspNetCore.Http.Features;
using WeatherFlow.Api.Datasets;
using WeatherFlow.Datasets;

namespace WeatherFlow.Api.Apis;

public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").WithTags("Datasets");
        api.MapGet("/", ListDatasetsAsync)
            .WithName("ListDatasets")
            .WithSummary("The caller's datasets and the public ones, built-in first");
        api.MapGet("/{id}", GetDatasetAsync)
            .WithName("GetDataset")
            .WithSummary("A dataset's channels, grid, time axis, fill cells, files, provenance and licence");
        api.MapGet("/{id}/steps/{step:int}", GetDatasetStepAsync)
            .WithName("GetDatasetStep")
            .WithSummary("One channel of a dataset at one step, as a [lat][lon] grid with null at fill cells");
        api.MapPost("/", UploadDatasetAsync)
            .WithName("UploadDataset")
            .WithSummary("Upload NetCDF files (classic or NetCDF-4) sharing a time axis and grid as one dataset")
            .WithDescription("`multipart/form-data`: one or more `files` parts, and optional fields `name`, `stepHours`, `start`, `units` (`t=K,p=Pa`), `levels` (`file.nc=500`), `defectiveSteps` (`36,37`), `provenance`, `licence`. Streamed to disk, checked once, then stored; a refused upload stores nothing.")
            .WithMetadata(new UploadBodyLimit())
            .RequireAuthorization();
        api.MapDelete("/{id}", DeleteDatasetAsync)
            .WithName("DeleteDataset")
            .WithSummary("Delete a dataset and its files; refused while a queued or running experiment uses it")
            .RequireAuthorization();
        return app;
    }

    public static async Task<Ok<List<DatasetInfo>>> ListDatasetsAsync(DatasetCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(cancellationToken));

    public static async Task<Results<Ok<DatasetInfo>, ProblemHttpResult>> GetDatasetAsync(string id, DatasetCatalog catalog, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var datasetId) && await catalog.FindAsync(datasetId, cancellationToken) is { } dataset
            ? TypedResults.Ok(catalog.Info(dataset))
            : NotFound(id);

    public static async Task<Results<Ok<DatasetStep>, ProblemHttpResult>> GetDatasetStepAsync(
        string id, int step, string? channel, DatasetCatalog catalog, DatasetMaps maps, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var datasetId) || await catalog.FindAsync(datasetId, cancellationToken) is not { } dataset)
        {
            return NotFound(id);
        }
        var description = DatasetJson.Read(dataset.Description);
        var name = channel ?? description.Channels[0].Name;
        return await maps.ReadAsync(dataset, name, step, cancellationToken) is { } values
            ? TypedResults.Ok(values)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such step or channel",
                detail: $"Dataset {id} has steps 0–{description.Time.Count - 1} and channels [{string.Join(", ", description.Channels.Select(c => c.Name))}]; '{name}' at step {step} is not among them.");
    }

    public static async Task<Results<Created<DatasetInfo>, ProblemHttpResult>> UploadDatasetAsync(
        HttpContext context, Caller caller, DatasetCatalog catalog, IOptions<DatasetOptions> options, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId!;
        try
        {
            var allowed = await catalog.AllowedBytesAsync(accountId, cancellationToken);
            using var upload = await DatasetUploadReader.ReadAsync(context.Request, allowed, options.Value, cancellationToken);
            var dataset = await catalog.CreateAsync(upload, accountId, cancellationToken);
            return TypedResults.Created($"/api/datasets/{dataset.Id}", catalog.Info(dataset));
        }
        catch (DatasetUploadException refused)
        {
            return TypedResults.Problem(statusCode: refused.StatusCode, title: refused.Title, detail: refused.Message);
        }
        catch (DatasetRejectedException rejected)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a usable dataset", detail: rejected.Message,
                extensions: new Dictionary<string, object?> { ["file"] = rejected.File, ["variable"] = rejected.Variable, ["problem"] = rejected.Problem });
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid upload", detail: $"The multipart body could not be read: {exception.Message}");
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDatasetAsync(string id, DatasetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var datasetId))
        {
            return NotFound(id);
        }
        var deletion = await catalog.DeleteAsync(datasetId, cancellationToken);
        return !deletion.Found ? NotFound(id)
            : deletion.RefusedBecause is { } reason ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dataset in use", detail: reason)
            : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Dataset not found",
        detail: $"There is no dataset with id '{id}' that you can see.");
}
