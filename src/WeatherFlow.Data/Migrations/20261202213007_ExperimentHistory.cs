using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Experiments_SubmittedAt",
                table: "Experiments");

            migrationBuilder.AddColumn<double>(
                name: "MeanSkill",
                table: "Experiments",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Experiments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Experiments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Tags",
                table: "Experiments",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<double>(
                name: "ValidationLoss",
                table: "Experiments",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Variables",
                table: "Experiments",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Backbone",
                table: "Experiments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                computedColumnSql: "(\"Config\" -> 'model' ->> 'backbone')",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "Epochs",
                table: "Experiments",
                type: "integer",
                nullable: false,
                computedColumnSql: "((\"Config\" -> 'training' ->> 'epochs')::integer)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "HiddenDim",
                table: "Experiments",
                type: "integer",
                nullable: false,
                computedColumnSql: "((\"Config\" -> 'model' ->> 'hiddenDim')::integer)",
                stored: true);

            migrationBuilder.AddColumn<double>(
                name: "RunSeconds",
                table: "Experiments",
                type: "double precision",
                nullable: true,
                computedColumnSql: "(EXTRACT(EPOCH FROM (\"FinishedAt\" - \"StartedAt\"))::double precision)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "TrainSamples",
                table: "Experiments",
                type: "integer",
                nullable: false,
                computedColumnSql: "((\"Config\" -> 'dataset' ->> 'trainSamples')::integer)",
                stored: true);

            // Runs stored before labels and scores existed: their description becomes their name, and the copied
            // fields are read from their documents once, as the trainer and the result cache now write them.
            migrationBuilder.Sql("""
                UPDATE "Experiments" SET
                    "Name" = left("Description", 100),
                    "Variables" = ARRAY(SELECT json_array_elements_text("Config" -> 'dataset' -> 'variables'));
                UPDATE "Experiments" SET
                    "ValidationLoss" = COALESCE(
                        (SELECT (m ->> 'val_loss')::double precision
                         FROM json_array_elements("Result" -> 'validation' -> 'metrics') AS m
                         WHERE (m ->> 'epoch')::integer = ("Result" -> 'prediction' ->> 'modelEpoch')::integer),
                        ("Result" -> 'validation' -> 'metrics' -> -1 ->> 'val_loss')::double precision),
                    "MeanSkill" = (SELECT avg((c ->> 'skill')::double precision)
                                   FROM json_array_elements("Result" -> 'prediction' -> 'channels') AS c
                                   WHERE json_typeof(c -> 'skill') = 'number')
                WHERE "Result" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Status_SubmittedAt",
                table: "Experiments",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_SubmittedAt_Id",
                table: "Experiments",
                columns: new[] { "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Tags",
                table: "Experiments",
                column: "Tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Variables",
                table: "Experiments",
                column: "Variables")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Experiments_Status_SubmittedAt",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_SubmittedAt_Id",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Tags",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Variables",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Backbone",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Epochs",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "HiddenDim",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "RunSeconds",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "TrainSamples",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "MeanSkill",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "ValidationLoss",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Variables",
                table: "Experiments");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_SubmittedAt",
                table: "Experiments",
                column: "SubmittedAt");
        }
    }
}
