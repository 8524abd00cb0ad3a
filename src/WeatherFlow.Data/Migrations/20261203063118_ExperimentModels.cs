using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExperimentModels",
                columns: table => new
                {
                    ConfigHash = table.Column<string>(type: "text", nullable: false),
                    Weights = table.Column<byte[]>(type: "bytea", nullable: true),
                    Metadata = table.Column<string>(type: "jsonb", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Refusal = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentModels", x => x.ConfigHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentModels_CreatedAt",
                table: "ExperimentModels",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentModels");
        }
    }
}
