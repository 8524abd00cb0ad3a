using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class ExperimentModelEntityTypeConfiguration : IEntityTypeConfiguration<ExperimentModel>
{
    public void Configure(EntityTypeBuilder<ExperimentModel> builder)
    {
        builder.HasKey(m => m.ConfigHash);
        builder.Property(m => m.Metadata).HasColumnType("jsonb");
        builder.HasIndex(m => m.CreatedAt);
    }
}
