using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace WeatherFlow.Api.RateLimiting;

/// <summary>
/// Which budget each request draws on, decided here for all endpoints so that none of them has to say: submissions
/// (experiments and predictions, which start work on the trainers) or reads (everything else under <c>/api</c>).
/// Not limited: <c>/api/health</c>, <c>/health</c> and <c>/alive</c>, which orchestrators and the reference
/// clients poll, and the docs and OpenAPI document.
/// </summary>
public sealed class RateLimitPolicy(IOptions<RateLimitsOptions> options, IConnectionMultiplexer redis, ILogger<RateLimitPolicy> logger)
{
    /// <summary>By endpoint name (the OpenAPI operation id), which does not change with a route's spelling.</summary>
    private static readonly HashSet<string> SubmissionEndpoints = ["SubmitExperiment", "SubmitPrediction"];

    public RateLimitPartition<string> Partition(HttpContext context) =>
        BudgetOf(context) is { } budget
            ? RateLimitPartition.Get(budget.Key, key => SharedOrLocalRateLimiter.FixedWindow(key, budget.PermitLimit, budget.Window, redis, logger))
            : RateLimitPartition.GetNoLimiter(string.Empty);

    public RequestBudget? BudgetOf(HttpContext context)
    {
        var limits = options.Value;
        // Whichever scheme authenticated the caller, the account is this claim.
        var account = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var address = context.ClientAddress();
        if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name && SubmissionEndpoints.Contains(name))
        {
            return new("submissions", account, address, account is null ? limits.AnonymousSubmissions : limits.AccountSubmissions, limits.SubmissionWindow);
        }
        var path = context.Request.Path;
        return path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health")
            ? new("reads", account, address, account is null ? limits.AnonymousReads : limits.AccountReads, limits.ReadWindow)
            : null;
    }

    /// <summary>429 with <c>Retry-After</c> and a ProblemDetails that says which limit was reached.</summary>
    public async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var budget = BudgetOf(context);
        var retryAfter = SharedOrLocalRateLimiter.RetryAfterSeconds(rejected.Lease, budget?.Window ?? TimeSpan.Zero);
        context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: budget?.Detail(retryAfter)).ExecuteAsync(context);
    }
}
