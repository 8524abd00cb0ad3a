using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentMetricIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The history's metric sorts order by the metric with runs lacking it last, as ExperimentHistory writes
            // it: COALESCE with +infinity ascending, -infinity descending. These serve each metric's default order
            // (lowest run time and loss, highest skill first; a descending one by a backward scan) and their keyset
            // pages; EF Core's model has no expression indexes, hence SQL.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Experiments_RunSeconds_Id" ON "Experiments" (COALESCE("RunSeconds", 'Infinity'), "Id");
                CREATE INDEX "IX_Experiments_ValidationLoss_Id" ON "Experiments" (COALESCE("ValidationLoss", 'Infinity'), "Id");
                CREATE INDEX "IX_Experiments_MeanSkill_Id" ON "Experiments" (COALESCE("MeanSkill", '-Infinity'), "Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Experiments_RunSeconds_Id";
                DROP INDEX "IX_Experiments_ValidationLoss_Id";
                DROP INDEX "IX_Experiments_MeanSkill_Id";
                """);
        }
    }
}
