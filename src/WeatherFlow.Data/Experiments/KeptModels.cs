using Microsoft.EntityFrameworkCore;

namespace WeatherFlow.Data.Experiments;

public static class KeptModels
{
    /// <summary>
    /// Keeps the model unless its config's is already kept (a re-delivered run, or two runs of one config finishing
    /// together: <c>ON CONFLICT</c> rather than a failing unique key). A model kept without weights (refused over a
    /// size cap) is replaced by one with weights.
    /// </summary>
    public static Task KeepModelAsync(this WeatherDbContext db, ExperimentModel model) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ExperimentModels" ("ConfigHash", "Weights", "Metadata", "SizeBytes", "Epoch", "CreatedAt", "Refusal")
            VALUES ({model.ConfigHash}, {model.Weights}, {model.Metadata}::jsonb, {model.SizeBytes}, {model.Epoch}, {model.CreatedAt}, {model.Refusal})
            ON CONFLICT ("ConfigHash") DO UPDATE SET
                "Weights" = EXCLUDED."Weights", "Metadata" = EXCLUDED."Metadata", "SizeBytes" = EXCLUDED."SizeBytes",
                "Epoch" = EXCLUDED."Epoch", "CreatedAt" = EXCLUDED."CreatedAt", "Refusal" = EXCLUDED."Refusal"
            WHERE "ExperimentModels"."Weights" IS NULL AND EXCLUDED."Weights" IS NOT NULL
            """);
}
