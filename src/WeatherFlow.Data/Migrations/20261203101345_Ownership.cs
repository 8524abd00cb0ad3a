using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ownership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Experiments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxActiveExperiments",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxRunSecondsPerDay",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_OwnerId_SubmittedAt_Id",
                table: "Experiments",
                columns: new[] { "OwnerId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Unfinished",
                table: "Experiments",
                column: "OwnerId",
                filter: "\"Status\" IN ('queued', 'running')");

            migrationBuilder.AddForeignKey(
                name: "FK_Experiments_AspNetUsers_OwnerId",
                table: "Experiments",
                column: "OwnerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Experiments_AspNetUsers_OwnerId",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_OwnerId_SubmittedAt_Id",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Unfinished",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "MaxActiveExperiments",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MaxRunSecondsPerDay",
                table: "AspNetUsers");
        }
    }
}
