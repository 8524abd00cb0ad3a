using WeatherFlow.Contracts.Accounts;

namespace WeatherFlow.Web.Services;

/// <summary>One page of the audit trail, and where the next begins when more events follow.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, string? Before);
