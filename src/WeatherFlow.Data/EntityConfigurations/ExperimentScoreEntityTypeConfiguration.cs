using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class ExperimentScoreEntityTypeConfiguration : IEntityTypeConfiguration<ExperimentScore>
{
    public void Configure(EntityTypeBuilder<ExperimentScore> builder)
    {
        builder.HasKey(s => new { s.ExperimentId, s.Channel, s.LeadHours });
        builder.Property(s => s.Channel).HasMaxLength(ExperimentScore.MaxChannelLength);
        // The history sorts and aggregates runs by one channel's score at one lead.
        builder.HasIndex(s => new { s.Channel, s.LeadHours });
    }
}
