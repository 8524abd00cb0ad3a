using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Datasets;

namespace WeatherFlow.Data.EntityConfigurations;

internal sealed class DatasetEntityTypeConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Dataset.MaxNameLength);
        builder.Property(d => d.Digest).HasMaxLength(64);
        builder.Property(d => d.Description).HasColumnType("jsonb");
        builder.HasIndex(d => new { d.OwnerId, d.CreatedAt });
        // One built-in dataset per name, however many api replicas register it at once.
        builder.HasIndex(d => d.Name, "IX_Datasets_BuiltIn").IsUnique().HasFilter("\"OwnerId\" IS NULL");
        builder.HasOne<WeatherFlowUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
