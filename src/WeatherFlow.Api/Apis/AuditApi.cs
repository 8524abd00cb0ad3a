using WeatherFlow.Api.Audit;
using WeatherFlow.Contracts.Accounts;

namespace WeatherFlow.Api.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Account").RequireAuthorization(ApiAuthentication.AdminPolicy)
            .MapGet("/", ListAsync)
            .WithName("ListAuditEvents")
            .WithSummary("The audit trail, newest first, filtered (admins only)")
            .WithDescription("`event`, `actor` (id or name), `target` (text in it), `from`, `to` (ISO dates or times), `limit` (1–200). The next page is in the `Link: <…>; rel=\"next\"` header.");
        return app;
    }

    public static async Task<Results<Ok<List<AuditEntry>>, ValidationProblem>> ListAsync(HttpContext context, WeatherDbContext db, CancellationToken cancellationToken)
    {
        var (query, problems) = AuditQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(problems, title: "Invalid audit query");
        }
        var events = db.AuditEvents.AsNoTracking();
        if (query.Event is { } name)
        {
            events = events.Where(e => e.Event == name);
        }
        if (query.Actor is { } actor)
        {
            events = events.Where(e => e.ActorId == actor || e.ActorName == actor);
        }
        if (query.Target is { } target)
        {
            var pattern = LikePattern.Containing(target);
            events = events.Where(e => EF.Functions.ILike(e.Target!, pattern, @"\"));
        }
        if (query.From is { } from)
        {
            events = events.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.At <= to);
        }
        if (query.Before is { } before)
        {
            events = events.Where(e => e.Id < before);
        }
        var page = await events.OrderByDescending(e => e.Id).Take(query.Limit + 1)
            .Select(e => new AuditEntry(e.Id, e.At, e.Event, e.ActorId, e.ActorName, e.ClientAddress, e.Target, e.Detail))
            .ToListAsync(cancellationToken);
        if (page.Count > query.Limit)
        {
            page.RemoveAt(query.Limit);
            NextPageLink.Set(context, "before", page[^1].Id);
        }
        return TypedResults.Ok(page);
    }
}
