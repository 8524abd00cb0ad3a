using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WeatherFlow.Experiments.Data.EntityConfigurations;

internal sealed class ExperimentEntityTypeConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.ConfigHash).HasMaxLength(64);
        builder.Property(e => e.TrainerInstance).HasMaxLength(128);
        builder.Property(e => e.Config).HasColumnType("json");
        builder.Property(e => e.Result).HasColumnType("json");
        builder.Property(e => e.Error).HasMaxLength(4000);

        builder.HasIndex(e => e.SubmittedAt);
        builder.HasIndex(e => e.ConfigHash);
        // The dispatcher looks for queued experiments whose command never reached the broker.
        builder.HasIndex(e => e.SubmittedAt, "IX_Experiments_Undispatched").HasFilter("\"DispatchedAt\" IS NULL");

        builder.HasMany(e => e.EpochMetrics).WithOne().HasForeignKey(m => m.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
