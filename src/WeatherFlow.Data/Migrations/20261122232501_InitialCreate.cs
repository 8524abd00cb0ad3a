using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    CurrentStep = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Config = table.Column<string>(type: "json", nullable: false),
                    ConfigHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HeartbeatAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrainerInstance = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FromCache = table.Column<bool>(type: "boolean", nullable: false),
                    Result = table.Column<string>(type: "json", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentEpochMetrics",
                columns: table => new
                {
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    Loss = table.Column<double>(type: "double precision", nullable: false),
                    FlowLoss = table.Column<double>(type: "double precision", nullable: false),
                    DivergenceLoss = table.Column<double>(type: "double precision", nullable: false),
                    RolloutLoss = table.Column<double>(type: "double precision", nullable: false),
                    EnergyDiff = table.Column<double>(type: "double precision", nullable: false),
                    ValLoss = table.Column<double>(type: "double precision", nullable: true),
                    ValFlowLoss = table.Column<double>(type: "double precision", nullable: true),
                    ValDivergenceLoss = table.Column<double>(type: "double precision", nullable: true),
                    ValRolloutLoss = table.Column<double>(type: "double precision", nullable: true),
                    ValEnergyDiff = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentEpochMetrics", x => new { x.ExperimentId, x.Epoch });
                    table.ForeignKey(
                        name: "FK_ExperimentEpochMetrics_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_ConfigHash",
                table: "Experiments",
                column: "ConfigHash");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_SubmittedAt",
                table: "Experiments",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Undispatched",
                table: "Experiments",
                column: "SubmittedAt",
                filter: "\"DispatchedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentEpochMetrics");

            migrationBuilder.DropTable(
                name: "Experiments");
        }
    }
}
