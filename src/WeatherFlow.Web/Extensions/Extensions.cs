using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using WeatherFlow.Web.Accounts;
using WeatherFlow.Data;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;
using WeatherFlow.Web.Datasets;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Extensions;

public static class Extensions
{
    /// <summary>The api's service-discovery name: ServiceDefaults resolves it from <c>services__api__http__0</c>.</summary>
    private static readonly Uri ApiBaseAddress = new("http://api");

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The api judges every value; the binder only has to say when a field is not a number at all.
        // Every experiment page shows the signed-in user's runs (an admin's: everyone's), so they need a user. The
        // datasets' pages show what the api lets the caller see (the public ones to anyone); deleting needs a user.
        builder.Services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Experiments").AuthorizePage("/Index").AuthorizePage("/Datasets/Delete")).AddMvcOptions(mvc =>
        {
            mvc.Filters.Add<LocalReturnUrlFilter>();
            mvc.Filters.Add<AdminTwoFactorFilter>();
            mvc.Filters.Add<PendingSignInFilter>();
            mvc.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Enter a number.");
            mvc.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is not a number.");
        });

        builder.Services.AddOptions<WebUserTokenOptions>().BindConfiguration(WebUserTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<WebUserTokenHandler>();
        builder.Services.AddHttpClient<WeatherFlowApiClient>(client => client.BaseAddress = ApiBaseAddress)
            .AddHttpMessageHandler<WebUserTokenHandler>();

        // Accounts live in the weatherdb, which the api migrates; the web reads and writes users, tokens and the audit trail.
        // The sign-in limits count in Redis across replicas, and on each replica alone while it is down.
        builder.AddWeatherData();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<PersonalAccessTokenService>();
        builder.AddAccountFormLimits();
        builder.Services.AddSingleton<UnknownAddressFailures>();
        // An address is confirmed from its mailed link before it signs in: password resets are mailed only to those.
        builder.Services.AddDefaultIdentity<WeatherFlowUser>(identity => identity.SignIn.RequireConfirmedAccount = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WeatherDbContext>()
            .AddUserManager<AuditingUserManager>()
            .AddSignInManager<GuardedSignInManager>()
            .AddClaimsPrincipalFactory<AdminPromotingClaimsFactory>();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<SignInProtectionOptions>>((identity, protection) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = protection.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = protection.Value.LockoutTime;
            identity.Lockout.AllowedForNewUsers = true;
        });
        builder.Services.AddTransient<IEmailSender, LoggingEmailSender>();
        builder.Services.AddSingleton(TimeProvider.System);

        // A progress stream stays open for the whole run, which the standard resilience handler's
        // 30-second total timeout would cut; the browser's EventSource reconnects on its own instead.
        // RemoveAllResilienceHandlers is marked experimental but is the documented way to opt one client out.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<ExperimentEventsClient>(client =>
            {
                client.BaseAddress = ApiBaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<WebUserTokenHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        // A dataset upload is streamed through for as long as it takes to send; it is never retried, since its body
        // is read once.
        builder.Services.AddOptions<DatasetUploadOptions>().BindConfiguration(DatasetUploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<DatasetUploadClient>((services, client) =>
            {
                client.BaseAddress = ApiBaseAddress;
                client.Timeout = services.GetRequiredService<IOptions<DatasetUploadOptions>>().Value.Timeout;
            })
            .AddHttpMessageHandler<WebUserTokenHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddHealthChecks().AddCheck<ApiHealthCheck>("api", tags: ["ready"]);

        builder.RemoveServerHeader();
    }
}
