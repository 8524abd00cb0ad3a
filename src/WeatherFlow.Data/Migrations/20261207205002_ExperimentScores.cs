using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExperimentScores",
                columns: table => new
                {
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeadHours = table.Column<double>(type: "double precision", nullable: false),
                    Rmse = table.Column<double>(type: "double precision", nullable: false),
                    Bias = table.Column<double>(type: "double precision", nullable: false),
                    Acc = table.Column<double>(type: "double precision", nullable: true),
                    Skill = table.Column<double>(type: "double precision", nullable: true),
                    ClimatologySkill = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentScores", x => new { x.ExperimentId, x.Channel, x.LeadHours });
                    table.ForeignKey(
                        name: "FK_ExperimentScores_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentScores_Channel_LeadHours",
                table: "ExperimentScores",
                columns: new[] { "Channel", "LeadHours" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentScores");
        }
    }
}
