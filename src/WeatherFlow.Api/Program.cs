using WeatherFlow.Api.Apis;
using WeatherFlow.Api.Extensions;
using WeatherFlow.Api.Hardening;
using WeatherFlow.Api.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
// Kestrel answers a request it cannot parse, or one past its limits, with an empty 4xx before the app runs; this
// gives those answers a ProblemDetails body. It tells them from the app's by the header UseNoSniff adds to all of these.
builder.Services.AddProblemDetailsForKestrelErrors();

var app = builder.Build();

app.UseClientAddresses();
// Before anything that answers: Kestrel's own errors are recognised by the absence of this header.
app.UseNoSniff();
app.UseProblemDetailsForExceptions();
app.UseRequestBodyLimits();
app.UseContractCompatibility();

app.UseAuthentication();
app.UseRateLimits();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapContractApi();
app.MapExperimentsApi();
app.MapExperimentHistoryApi();
app.MapExperimentModelsApi();
app.MapPredictionsApi();
app.MapDatasetsApi();
app.MapAccountApi();
app.MapAuditApi();
app.MapDocsApi();

app.Run();
