using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class ExperimentPredictionEntityTypeConfiguration : IEntityTypeConfiguration<ExperimentPrediction>
{
    public void Configure(EntityTypeBuilder<ExperimentPrediction> builder)
    {
        builder.Property(p => p.RequestHash).HasMaxLength(64);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.Request).HasColumnType("jsonb");
        builder.Property(p => p.Forecast).HasColumnType("json");
        builder.Property(p => p.Error).HasMaxLength(4000);
        builder.Property(p => p.TrainerInstance).HasMaxLength(128);
        builder.HasIndex(p => new { p.RequestHash, p.Status });
        builder.HasIndex(p => p.SubmittedAt, "IX_ExperimentPredictions_Undispatched").HasFilter("\"DispatchedAt\" IS NULL");
        builder.HasOne<Experiment>().WithMany().HasForeignKey(p => p.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
