using Microsoft.Extensions.Options;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Rate limits on the account forms that an attacker would post in bulk (sign-in, registration, password reset,
/// resend confirmation, two-factor codes): per client address and per typed address, counted in Redis across web
/// replicas and per replica while Redis is down, like the api's. A refused post answers 429 with <c>Retry-After</c>,
/// shown by the status page, the same for an address with an account and one without.
/// </summary>
public static class AccountFormLimits
{
    private static readonly string[] LimitedForms =
    [
        "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword",
        "/Identity/Account/ResendEmailConfirmation", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode",
    ];

    /// <summary>The wait a refusal set, kept for the status page: re-executing a request starts its answer afresh.</summary>
    public const string RetryAfterItem = "weatherflow:retry-after";

    /// <summary>The form field every one of those pages names the address in.</summary>
    private const string TargetField = "Input.Email";

    public static void AddAccountFormLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInProtectionOptions>().BindConfiguration(SignInProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInProtectionOptions>, IConnectionMultiplexer, ILoggerFactory>((limiter, options, redis, logs) =>
        {
            var limits = options.Value;
            var logger = logs.CreateLogger(typeof(AccountFormLimits));
            RateLimitPartition<string> Limit(string key, int permits) =>
                RateLimitPartition.Get(key, k => SharedOrLocalRateLimiter.FixedWindow(k, permits, limits.FormWindow, redis, logger));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedForm(context.Request)
                    ? Limit($"web-forms:client:{context.ClientAddress()}", limits.FormsPerClientAddress)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedForm(context.Request) && TargetOf(context.Request) is { } target
                    ? Limit($"web-forms:target:{target}", limits.FormsPerTargetAddress)
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // No body: the status page answers, with the wait read from this header.
            limiter.OnRejected = (rejected, _) =>
            {
                var seconds = SharedOrLocalRateLimiter.RetryAfterSeconds(rejected.Lease, limits.FormWindow);
                rejected.HttpContext.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
                rejected.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>After the status pages, so a refused post is answered with a page.</summary>
    public static WebApplication UseAccountFormLimits(this WebApplication app)
    {
        // The limiter decides synchronously which partition a request belongs to, and the typed address is in the
        // form: read it first (ASP.NET keeps it for the page).
        app.Use(async (context, next) =>
        {
            if (IsLimitedForm(context.Request) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsLimitedForm(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && LimitedForms.Any(form => request.Path.Equals(form, StringComparison.OrdinalIgnoreCase));

    private static string? TargetOf(HttpRequest request) =>
        request.HasFormContentType && request.Form[TargetField].ToString() is { Length: > 0 } address ? AddressKey.Of(address) : null;
}
