namespace WeatherFlow.Contracts.Accounts;

/// <summary>An event of the audit trail as <c>GET /api/audit</c> lists it, newest first.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Event,
    string? ActorId,
    string? ActorName,
    string? ClientAddress,
    string? Target,
    string? Detail);
