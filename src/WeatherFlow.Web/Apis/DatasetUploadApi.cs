using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Web.Datasets;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Apis;

/// <summary>
/// <c>POST /datasets/upload</c>: the datasets page's upload form, passed on to the api's <c>POST /api/datasets</c> as
/// the signed-in user. The page's script sends the antiforgery token in a header and the body is streamed through
/// as it arrives, so the web never holds a file; it answers JSON (where to go, or the api's problem). Without the
/// script the browser posts the token inside the form, which then has to be read (ASP.NET spools its files to disk)
/// and sent on again; that answer is a redirect.
/// </summary>
public static class DatasetUploadApi
{
    public const string Path = "/datasets/upload";

    /// <summary>The TempData key of an upload's refusal, shown once on the datasets page after a redirect.</summary>
    public const string UploadErrorKey = "DatasetUploadError";

    public static IEndpointRouteBuilder MapDatasetUploadApi(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<DatasetUploadOptions>>().Value.MaxRequestBytes;
        // The metadata lifts Kestrel's 30 MB per-request limit for this endpoint alone, up to what a quota could hold.
        app.MapPost(Path, UploadAsync).RequireAuthorization().WithMetadata(new RequestSizeLimitAttribute(limit));
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, IAntiforgery antiforgery, DatasetUploadClient uploads,
        IOptions<DatasetUploadOptions> options, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var fromScript = request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return Refused(context, fromScript, StatusCodes.Status413PayloadTooLarge,
                $"The upload is larger than the {limit:N0} bytes any dataset storage quota can hold.");
        }
        if (request.ContentType is not { } contentType || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(context, fromScript, StatusCodes.Status415UnsupportedMediaType, "Send the files as multipart/form-data.");
        }
        if (!fromScript)
        {
            // The form's files can exceed the form reader's 128 MB default; the request's own limit still applies.
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(context, fromScript, StatusCodes.Status400BadRequest, "The form has expired; open the datasets page again and upload once more.");
        }

        try
        {
            using var body = fromScript
                ? DatasetUploadClient.Streamed(request.Body, contentType, request.ContentLength)
                : ResentForm(await request.ReadFormAsync(cancellationToken));
            var answer = await uploads.UploadAsync(body, cancellationToken);
            return answer.Value is { } dataset
                ? Uploaded(dataset, fromScript)
                : Refused(context, fromScript, (int)answer.Status, string.Join(" ", answer.Messages));
        }
        catch (ApiUnavailableException exception)
        {
            return Refused(context, fromScript, StatusCodes.Status502BadGateway, exception.Message);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(context, fromScript, StatusCodes.Status413PayloadTooLarge,
                $"The upload is larger than the {limit:N0} bytes any dataset storage quota can hold.");
        }
    }

    private static IResult Uploaded(DatasetInfo dataset, bool fromScript)
    {
        var page = $"/datasets/{dataset.Id}";
        return fromScript ? Results.Json(new { location = page, id = dataset.Id, name = dataset.Name }, statusCode: StatusCodes.Status201Created) : Results.Redirect(page);
    }

    private static IResult Refused(HttpContext context, bool fromScript, int status, string detail)
    {
        if (fromScript)
        {
            return Results.Problem(statusCode: status, title: "The dataset was not stored", detail: detail);
        }
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[UploadErrorKey] = detail;
        tempData.Save();
        return Results.Redirect("/datasets");
    }

    /// <summary>The form read without the script, sent on as the api expects it: the text fields and every file part.</summary>
    private static MultipartFormDataContent ResentForm(IFormCollection form)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, values) in form)
        {
            if (name == "__RequestVerificationToken")
            {
                continue;
            }
            foreach (var value in values)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    content.Add(new StringContent(value), name);
                }
            }
        }
        foreach (var file in form.Files)
        {
            var part = new StreamContent(file.OpenReadStream());
            part.Headers.ContentType = new("application/octet-stream");
            content.Add(part, file.Name, file.FileName);
        }
        return content;
    }
}
