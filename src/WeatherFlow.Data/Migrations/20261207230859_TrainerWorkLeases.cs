using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainerWorkLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ExperimentPredictions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HeartbeatAt",
                table: "ExperimentPredictions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RunId",
                table: "ExperimentPredictions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartedAt",
                table: "ExperimentPredictions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainerInstance",
                table: "ExperimentPredictions",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentPredictions_Undispatched",
                table: "ExperimentPredictions",
                column: "SubmittedAt",
                filter: "\"DispatchedAt\" IS NULL");

            // Experiments and predictions now travel on one queue, trainer-work: what waited in the old queues is
            // sent again by the api's sweep, which sends what was never dispatched. A prediction that was running had
            // no lease to expire, so it waits again too.
            migrationBuilder.Sql("""
                UPDATE "Experiments" SET "DispatchedAt" = NULL WHERE "Status" = 'queued';
                UPDATE "ExperimentPredictions" SET "Status" = 'queued', "DispatchedAt" = NULL WHERE "Status" IN ('queued', 'running');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExperimentPredictions_Undispatched",
                table: "ExperimentPredictions");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "ExperimentPredictions");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "ExperimentPredictions");

            migrationBuilder.DropColumn(
                name: "RunId",
                table: "ExperimentPredictions");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "ExperimentPredictions");

            migrationBuilder.DropColumn(
                name: "TrainerInstance",
                table: "ExperimentPredictions");
        }
    }
}
