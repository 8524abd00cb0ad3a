using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class AuditEventEntityTypeConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Event).HasMaxLength(64);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEvents.MaxTextLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(AuditEvents.MaxTextLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvents.MaxTextLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Event, e.Id });
    }
}
