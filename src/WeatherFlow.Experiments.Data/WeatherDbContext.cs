using Microsoft.EntityFrameworkCore;

namespace WeatherFlow.Experiments.Data;

public sealed class WeatherDbContext(DbContextOptions<WeatherDbContext> options) : DbContext(options)
{
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentEpochMetric> ExperimentEpochMetrics => Set<ExperimentEpochMetric>();
    public DbSet<ExperimentModel> ExperimentModels => Set<ExperimentModel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WeatherDbContext).Assembly);
}
