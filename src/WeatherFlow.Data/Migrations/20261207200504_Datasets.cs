using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Datasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DatasetSource",
                table: "Experiments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                computedColumnSql: "(\"Config\" -> 'dataset' ->> 'source')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "jsonb", nullable: false),
                    Provenance = table.Column<string>(type: "text", nullable: true),
                    Licence = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Datasets_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_DatasetSource",
                table: "Experiments",
                column: "DatasetSource",
                filter: "\"DatasetSource\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_BuiltIn",
                table: "Datasets",
                column: "Name",
                unique: true,
                filter: "\"OwnerId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_OwnerId_CreatedAt",
                table: "Datasets",
                columns: new[] { "OwnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Datasets");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_DatasetSource",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "DatasetSource",
                table: "Experiments");
        }
    }
}
