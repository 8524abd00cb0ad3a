using WeatherFlow.Web.Accounts;
using WeatherFlow.Web.Apis;
using WeatherFlow.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddHttpsBehindIngress();
builder.AddGitHubSignIn();

var app = builder.Build();

app.UseHttpsBehindIngress();
app.UseWebSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseAccountFormLimits();

app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapGitHubSignIn();
app.MapExperimentEventsApi();
app.MapExperimentDownloadsApi();
app.MapDatasetUploadApi();
app.MapDatasetMapApi();

app.Run();
