using Microsoft.AspNetCore.Http;

namespace WeatherFlow.Data.Audit;

/// <summary>
/// Writes audit events with the time and the client address of the request at hand. Each is saved on its own, right
/// away: an event is recorded whether or not what follows succeeds.
/// </summary>
public sealed class AuditTrail(WeatherDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public async Task RecordAsync(string @event, string? actorId, string? actorName, string? target, string? detail = null, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            Event = @event,
            ActorId = actorId,
            ActorName = Bounded(actorName),
            ClientAddress = http.HttpContext?.ClientAddress(),
            Target = Bounded(target),
            Detail = Bounded(detail),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Bounded(string? text) => text is { Length: > AuditEvents.MaxTextLength } ? text[..AuditEvents.MaxTextLength] : text;
}
