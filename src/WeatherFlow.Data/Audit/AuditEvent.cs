namespace WeatherFlow.Data.Audit;

/// <summary>
/// Something that happened to an account or to what it owns, kept for the admins: when, what (<see cref="AuditEvents"/>),
/// who did it (the signed-in account, when there is one), from which client address, and to what (an account's
/// address, a token, a run). Written once, never changed; removed only by age.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Event { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? ClientAddress { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
}
