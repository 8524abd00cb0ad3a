using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeatherFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Text search (q=) is ILIKE '%…%' on name, note and tags, which no b-tree serves: without this it reads
            // every row. The function is declared immutable for the index although array_to_string is only stable:
            // text[] elements print the same under any setting. pg_trgm is a trusted extension (no superuser needed)
            // and part of Debian's server package and the stock postgres image.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE FUNCTION "ExperimentSearchText"(name text, note text, tags text[]) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    RETURN name || E'\x1f' || coalesce(note, '') || E'\x1f' || array_to_string(tags, E'\x1f');
                CREATE INDEX "IX_Experiments_SearchText" ON "Experiments"
                    USING gin ("ExperimentSearchText"("Name", "Note", "Tags") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // pg_trgm stays: other objects of the database may have come to use it.
            migrationBuilder.Sql("""
                DROP INDEX "IX_Experiments_SearchText";
                DROP FUNCTION "ExperimentSearchText"(text, text, text[]);
                """);
        }
    }
}
