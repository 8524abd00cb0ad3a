using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace WeatherFlow.Api.Tests;

/// <summary>Which budget a request draws on (<see cref="RateLimitPolicy.BudgetOf"/>) and what a refusal says of it
/// (<see cref="RequestBudget"/>); the counting itself is Redis's and is tested end to end.</summary>
public sealed class RateLimitPolicyTests
{
    private static readonly RateLimitsOptions Limits = new()
    {
        AnonymousSubmissions = 10, AccountSubmissions = 100, SubmissionWindow = TimeSpan.FromHours(1),
        AnonymousReads = 300, AccountReads = 1200, ReadWindow = TimeSpan.FromMinutes(1),
    };

    // BudgetOf reads only the options and the request: the Redis connection is for counting, which it never does.
    private static readonly RateLimitPolicy Policy = new(Options.Create(Limits), null!, NullLogger<RateLimitPolicy>.Instance);

    [Theory]
    [InlineData("SubmitExperiment", "/api/experiments")]
    [InlineData("SubmitPrediction", "/api/experiments/0195f0a4-1b2c-7d3e-8f40-123456789abc/predictions")]
    public void Submissions_are_named_by_endpoint_and_counted_per_address_without_an_account(string endpoint, string path)
    {
        var budget = Policy.BudgetOf(Request(path, endpoint));

        Assert.Equal(new RequestBudget("submissions", null, "203.0.113.7", 10, TimeSpan.FromHours(1)), budget);
        Assert.Equal("submissions:address:203.0.113.7", budget!.Key);
    }

    [Fact]
    public void A_caller_with_an_account_is_counted_by_account_with_the_larger_budget()
    {
        var budget = Policy.BudgetOf(Request("/api/experiments", "SubmitExperiment", account: "user-1"))!;

        Assert.Equal(("submissions", 100, "submissions:account:user-1"), (budget.Kind, budget.PermitLimit, budget.Key));
        Assert.Equal(1200, Policy.BudgetOf(Request("/api/experiments", "ListExperiments", account: "user-1"))!.PermitLimit);
    }

    [Theory]
    [InlineData("/api/experiments", "ListExperiments")]
    [InlineData("/api/options", null)]
    [InlineData("/api/no-such-thing", null)]
    [InlineData("/API/Experiments", null)]
    [InlineData("/api/healthz", null)]
    public void Everything_else_under_api_is_a_read(string path, string? endpoint)
    {
        var budget = Policy.BudgetOf(Request(path, endpoint))!;

        Assert.Equal(("reads", 300, TimeSpan.FromMinutes(1)), (budget.Kind, budget.PermitLimit, budget.Window));
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/health/")]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    [InlineData("/scalar/scalar.js")]
    [InlineData("/apiary")]
    public void Probes_and_documents_draw_on_no_budget(string path) => Assert.Null(Policy.BudgetOf(Request(path, endpoint: null)));

    [Fact]
    public void A_caller_without_a_known_address_shares_one_budget()
    {
        var context = Request("/api/options", endpoint: null);
        context.Connection.RemoteIpAddress = null;

        Assert.Equal("reads:address:255.255.255.255", Policy.BudgetOf(context)!.Key);
    }

    [Fact]
    public void An_ipv4_caller_over_ipv6_is_counted_as_its_ipv4_address()
    {
        var context = Request("/api/options", endpoint: null);
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7").MapToIPv6();

        Assert.Equal("reads:address:203.0.113.7", Policy.BudgetOf(context)!.Key);
    }

    [Theory]
    [InlineData(1, "second")]
    [InlineData(60, "minute")]
    [InlineData(3600, "hour")]
    [InlineData(86400, "day")]
    [InlineData(7200, "2 hours")]
    [InlineData(900, "15 minutes")]
    [InlineData(90, "90 s")]
    public void A_refusal_names_the_limit_and_its_window(int windowSeconds, string per)
    {
        var anonymous = new RequestBudget("reads", null, "203.0.113.7", 300, TimeSpan.FromSeconds(windowSeconds));
        var account = anonymous with { Account = "user-1" };

        Assert.Equal($"Anonymous reads are limited to 300 per {per} per client address; try again in 12 s, or sign in and send a personal access token.", anonymous.Detail(12));
        Assert.Equal($"Reads are limited to 300 per {per} per account; try again in 12 s.", account.Detail(12));
    }

    private static DefaultHttpContext Request(string path, string? endpoint, string? account = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        if (account is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account)], "test"));
        }
        if (endpoint is not null)
        {
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new EndpointNameMetadata(endpoint)), endpoint));
        }
        return context;
    }
}
