using System.Security.Cryptography;
using System.Text;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Predictions;

/// <summary>
/// Checks the body of <c>POST /api/experiments/{id}/predictions</c> once, at the edge, against the run's model:
/// <c>seed</c>, <c>timeSteps</c> and <c>solverMethod</c> default to the run's own, and <c>initial</c> fields must have
/// the model's shape, [channel][lat][lon], and only finite numbers. Every problem is reported under its field.
/// </summary>
public static class ForecastRequestReader
{
    private static readonly string[] Fields = ["seed", "timeSteps", "solverMethod", "initial"];

    public static (ForecastRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body, ModelMetadata model)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = errors.TryGetValue(field, out var known) ? [.. known, message] : [message];

        if (body.ValueKind != JsonValueKind.Object)
        {
            Error("body", "The body must be a JSON object such as {\"seed\": 5}.");
            return (null, errors);
        }
        foreach (var unknown in body.EnumerateObject().Select(property => property.Name).Where(name => !Fields.Contains(name)))
        {
            Error(unknown, $"'{unknown}' is not a field of a prediction request; the fields are {string.Join(", ", Fields)}.");
        }
        var training = model.Config.Training;
        var seed = WholeNumber(body, "seed", 0, int.MaxValue, training.Seed, Error);
        var steps = WholeNumber(body, "timeSteps", (int)ConfigBounds.TimeSteps.Min, (int)ConfigBounds.TimeSteps.Max, training.TimeSteps, Error);
        var solver = training.SolverMethod;
        if (body.TryGetProperty("solverMethod", out var solverValue))
        {
            if (solverValue.ValueKind == JsonValueKind.String && ConfigChoices.SolverMethods.Contains(solverValue.GetString()))
            {
                solver = solverValue.GetString()!;
            }
            else
            {
                Error("solverMethod", $"solverMethod must be one of {string.Join(", ", ConfigChoices.SolverMethods)}.");
            }
        }
        var initial = body.TryGetProperty("initial", out var fields) && fields.ValueKind != JsonValueKind.Null
            ? Initial(fields, model, message => Error("initial", message))
            : null;
        return errors.Count == 0 ? (new ForecastRequest(seed, initial, steps, solver), errors) : (null, errors);
    }

    private static int WholeNumber(JsonElement body, string field, int min, int max, int fallback, Action<string, string> error)
    {
        if (!body.TryGetProperty(field, out var value))
        {
            return fallback;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }
        error(field, $"{field} must be a whole number from {min} to {max}; got {value.GetRawText()}.");
        return fallback;
    }

    /// <summary>The fields as [channel][lat][lon], or null after reporting the first place that is wrong: one
    /// message names the place, rather than thousands.</summary>
    private static double[][][]? Initial(JsonElement fields, ModelMetadata model, Action<string> error)
    {
        var (channels, lat, lon) = (model.Channels.Count, model.Grid.Lat, model.Grid.Lon);
        var shape = $"[{channels}][{lat}][{lon}] ({string.Join(", ", model.Channels)} on a {lat} × {lon} grid)";
        if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() != channels)
        {
            error($"initial must be an array of {channels} channel fields, shaped {shape}.");
            return null;
        }
        var result = new double[channels][][];
        for (var c = 0; c < channels; c++)
        {
            var rows = fields[c];
            if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != lat)
            {
                error($"initial[{c}] must be an array of {lat} latitude rows, shaped {shape}.");
                return null;
            }
            result[c] = new double[lat][];
            for (var y = 0; y < lat; y++)
            {
                var row = rows[y];
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != lon)
                {
                    error($"initial[{c}][{y}] must be an array of {lon} numbers, shaped {shape}.");
                    return null;
                }
                result[c][y] = new double[lon];
                for (var x = 0; x < lon; x++)
                {
                    var cell = row[x];
                    // float32 is what the model computes in: a value beyond it would be infinite there.
                    if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetDouble(out var value) || !float.IsFinite((float)value))
                    {
                        error($"initial[{c}][{y}][{x}] must be a finite number; got {cell.GetRawText()}.");
                        return null;
                    }
                    result[c][y][x] = value;
                }
            }
        }
        return result;
    }

    /// <summary>The key of the answer: the model's config and the checked request, so any run of that config asked
    /// the same question gets the same stored forecast.</summary>
    public static string Hash(string configHash, ForecastRequest request) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{configHash}\n{JsonSerializer.Serialize(request, ExperimentJson.Options)}")));
}
