using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;
using WeatherFlow.Data.Datasets;
using WeatherFlow.Data.Experiments;

namespace WeatherFlow.Data;

/// <summary>Experiments, their metrics, models and predictions, datasets, the accounts (ASP.NET Core Identity) that own them, and the audit trail.</summary>
public sealed class WeatherDbContext(DbContextOptions<WeatherDbContext> options) : IdentityDbContext<WeatherFlowUser>(options)
{
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentEpochMetric> ExperimentEpochMetrics => Set<ExperimentEpochMetric>();
    public DbSet<ExperimentScore> ExperimentScores => Set<ExperimentScore>();
    public DbSet<ExperimentModel> ExperimentModels => Set<ExperimentModel>();
    public DbSet<ExperimentPrediction> ExperimentPredictions => Set<ExperimentPrediction>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Dataset> Datasets => Set<Dataset>();

    /// <summary>
    /// A run's name, note and tags as one text, separated by U+001F: the database function
    /// <c>"ExperimentSearchText"</c> (migration <c>ExperimentSearchIndex</c>), whose trigram index answers
    /// <c>ILIKE '%…%'</c> searches without reading every row. Usable in queries only.
    /// </summary>
    public static string SearchText(string name, string? note, List<string> tags) =>
        throw new InvalidOperationException($"{nameof(SearchText)} runs in the database only.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WeatherDbContext).Assembly);
        modelBuilder.HasDbFunction(typeof(WeatherDbContext).GetMethod(nameof(SearchText))!).HasName("ExperimentSearchText");
    }
}
