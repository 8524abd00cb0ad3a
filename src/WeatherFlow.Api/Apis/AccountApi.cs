using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using WeatherFlow.Api.Hardening;

namespace WeatherFlow.Api.Apis;

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Account").RequireAuthorization();
        me.MapGet("/", GetMe)
            .WithName("GetCurrentAccount")
            .WithSummary("The account a personal access token belongs to");
        me.MapGet("/quota", GetMyQuotaAsync)
            .WithName("GetCurrentAccountQuota")
            .WithSummary("The caller's quotas and what it uses of them");

        var accounts = app.MapGroup("/api/accounts").WithTags("Account").AddEndpointFilter<JsonRequestBodyFilter>()
            .RequireAuthorization(ApiAuthentication.AdminPolicy);
        accounts.MapGet("/{id}/quota", GetQuotaAsync)
            .WithName("GetAccountQuota")
            .WithSummary("An account's quotas and use, by its id or user name (admins only)");
        accounts.MapPut("/{id}/quota", SetQuotaAsync)
            .WithName("SetAccountQuota")
            .WithSummary("Set an account's quotas; a field sent as null goes back to the default (admins only)")
            .WithDescription("Experiments already accepted are not affected: the quota is checked as a run is submitted.");
        return app;
    }

    public static Ok<AccountSummary> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new AccountSummary(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!));

    public static async Task<Results<Ok<AccountQuota>, ProblemHttpResult>> GetMyQuotaAsync(
        ClaimsPrincipal user, AccountQuotas quotas, CancellationToken cancellationToken) =>
        await GetQuotaAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, quotas, cancellationToken);

    public static async Task<Results<Ok<AccountQuota>, ProblemHttpResult>> GetQuotaAsync(
        string id, AccountQuotas quotas, CancellationToken cancellationToken) =>
        await quotas.GetAsync(id, cancellationToken) is { } quota ? TypedResults.Ok(quota) : NotFound(id);

    public static async Task<Results<Ok<AccountQuota>, ValidationProblem, ProblemHttpResult>> SetQuotaAsync(
        string id, AccountQuotaUpdate update, AccountQuotas quotas, ClaimsPrincipal admin, AuditTrail audit, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(update, new ValidationContext(update), problems, validateAllProperties: true))
        {
            return TypedResults.ValidationProblem(
                problems.ToDictionary(problem => JsonNamingPolicy.CamelCase.ConvertName(problem.MemberNames.First()), problem => new[] { problem.ErrorMessage! }),
                title: "Invalid quota");
        }
        if (!await quotas.SetAsync(id, update, cancellationToken) || await quotas.GetAsync(id, cancellationToken) is not { } quota)
        {
            return NotFound(id);
        }
        await audit.RecordAsync(AuditEvents.QuotaChanged, admin.FindFirstValue(ClaimTypes.NameIdentifier), admin.Identity?.Name, id,
            $"maxActiveExperiments={update.MaxActiveExperiments?.ToString() ?? "default"}, maxRunSecondsPerDay={update.MaxRunSecondsPerDay?.ToString() ?? "default"}",
            cancellationToken);
        return TypedResults.Ok(quota);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: $"There is no account with id or user name '{id}'.");
}
