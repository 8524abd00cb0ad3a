using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class ExperimentEpochMetricEntityTypeConfiguration : IEntityTypeConfiguration<ExperimentEpochMetric>
{
    public void Configure(EntityTypeBuilder<ExperimentEpochMetric> builder) =>
        builder.HasKey(m => new { m.ExperimentId, m.Epoch });
}
