using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using RedisRateLimiting;
using StackExchange.Redis;

namespace WeatherFlow.Api.Infrastructure;

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
            ? RateLimitPartition.Get(budget.Key, key => new SharedOrLocalRateLimiter(Shared(key, budget), Local(budget), redis, logger))
            : RateLimitPartition.GetNoLimiter(string.Empty);

    public RequestBudget? BudgetOf(HttpContext context)
    {
        var limits = options.Value;
        // Whichever scheme authenticated the caller, the account is this claim.
        var account = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var address = ClientAddress(context);
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
        var retryAfter = RetryAfterSeconds(rejected.Lease, budget?.Window ?? TimeSpan.Zero);
        context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: budget?.Detail(retryAfter)).ExecuteAsync(context);
    }

    private RedisFixedWindowRateLimiter<string> Shared(string key, RequestBudget budget) =>
        new($"weatherflow:{key}", new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = budget.PermitLimit,
            Window = budget.Window,
        });

    private static FixedWindowRateLimiter Local(RequestBudget budget) =>
        new(new FixedWindowRateLimiterOptions
        {
            PermitLimit = budget.PermitLimit,
            Window = budget.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>A client reaching the api over IPv4 through a dual-stack socket is still the same IPv4 client.</summary>
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();

    /// <summary>Whole seconds, at least one. The in-memory limiter says it as <see cref="MetadataName.RetryAfter"/>
    /// (a whole window: it does not say how much of it is left); Redis' limiter in seconds, under a name of its own.</summary>
    private static int RetryAfterSeconds(RateLimitLease lease, TimeSpan window)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var local) ? local
            : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }
}
