using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeatherFlow.Contracts.Labels;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data.EntityConfigurations;

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
        builder.Property(e => e.Name).HasMaxLength(LabelRules.MaxNameLength);
        builder.Property(e => e.Note).HasMaxLength(LabelRules.MaxNoteLength);
        builder.Property(e => e.Backbone).HasMaxLength(32).HasComputedColumnSql("(\"Config\" -> 'model' ->> 'backbone')", stored: true);
        builder.Property(e => e.HiddenDim).HasComputedColumnSql("((\"Config\" -> 'model' ->> 'hiddenDim')::integer)", stored: true);
        builder.Property(e => e.TrainSamples).HasComputedColumnSql("((\"Config\" -> 'dataset' ->> 'trainSamples')::integer)", stored: true);
        builder.Property(e => e.Epochs).HasComputedColumnSql("((\"Config\" -> 'training' ->> 'epochs')::integer)", stored: true);
        builder.Property(e => e.DatasetSource).HasMaxLength(64).HasComputedColumnSql("(\"Config\" -> 'dataset' ->> 'source')", stored: true);
        builder.Property(e => e.RunSeconds).HasComputedColumnSql("(EXTRACT(EPOCH FROM (\"FinishedAt\" - \"StartedAt\"))::double precision)", stored: true);

        // Keyset pages of the history: newest first, optionally one status.
        builder.HasIndex(e => new { e.SubmittedAt, e.Id });
        builder.HasIndex(e => new { e.OwnerId, e.SubmittedAt, e.Id });
        // Quotas count an account's unfinished runs at every submission.
        builder.HasIndex(e => e.OwnerId, "IX_Experiments_Unfinished").HasFilter("\"Status\" IN ('queued', 'running')");
        builder.HasIndex(e => new { e.Status, e.SubmittedAt });
        builder.HasIndex(e => e.Tags).HasMethod("gin");
        builder.HasIndex(e => e.Variables).HasMethod("gin");
        builder.HasIndex(e => e.ConfigHash);
        // A dataset may not be deleted while a queued or running experiment uses it.
        builder.HasIndex(e => e.DatasetSource, "IX_Experiments_DatasetSource").HasFilter("\"DatasetSource\" IS NOT NULL");
        // The dispatcher looks for queued experiments whose command never reached the broker.
        builder.HasIndex(e => e.SubmittedAt, "IX_Experiments_Undispatched").HasFilter("\"DispatchedAt\" IS NULL");

        // A deleted account's runs stay, anonymous, for admins: a trainer may still be running one of them.
        builder.HasOne<WeatherFlowUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.EpochMetrics).WithOne().HasForeignKey(m => m.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Scores).WithOne().HasForeignKey(s => s.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
