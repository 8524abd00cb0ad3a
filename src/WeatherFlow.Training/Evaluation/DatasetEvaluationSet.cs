using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Datasets;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Evaluation;

/// <summary>
/// A dataset's evaluation set: every pair start of the test block, with the truth k leads later while it stays inside
/// the block and no step up to it is defective. The climatology is the training block's mean per cell, per time of day
/// when the step divides a day (a 6-hourly surface field has a daily cycle that persistence of the mean would miss).
/// </summary>
internal static class DatasetEvaluationSet
{
    /// <param name="filled">Every step of the dataset, [T, C, H, W], physical, fill cells replaced.</param>
    public static EvaluationSet Build(ExperimentConfig config, Tensor filled, DatasetBlocks blocks, int leadSteps, GriddedFields fields)
    {
        var time = fields.Time;
        var leadHours = leadSteps * time.StepHours;
        var requested = EvaluationConfig.LeadTimesOf(config).Max(hours => EvaluationConfig.StepsOf(hours, leadHours)
            ?? throw new ExperimentFailedException($"evaluation.leadTimes: {hours} h is not a whole number (at most {EvaluationConfig.MaxSteps}) of the {leadHours} h lead."));
        var test = blocks.Test;
        var starts = test.PairStarts;
        bool Reaches(int start, int step) => start + step * leadSteps < test.End
            && !Enumerable.Range(start, step * leadSteps + 1).Any(fields.DefectiveSteps.Contains);
        int TargetOf(int start, int step) => Reaches(start, step) ? start + step * leadSteps : start;

        // Leads no start can reach inside the test block are not rolled out for nothing; they are scored on no case.
        var steps = Enumerable.Range(1, requested).LastOrDefault(step => starts.Any(start => Reaches(start, step)), 1);
        var startIndex = tensor(starts.Select(start => (long)start).ToArray());
        var truth = stack([.. Enumerable.Range(1, steps).Select(step =>
            filled.index_select(0, tensor(starts.Select(start => (long)TargetOf(start, step)).ToArray())))]);
        var valid = tensor(Enumerable.Range(1, steps).SelectMany(step => starts.Select(start => Reaches(start, step))).ToArray(), [steps, starts.Count]);
        var forcing = stack([.. Enumerable.Range(0, steps).Select(step =>
            TimeOfDay(time, [.. starts.Select(start => start + step * leadSteps)]))]);
        var (classes, means) = Climatology(filled, blocks.Train, fields);
        var climatology = stack([.. Enumerable.Range(1, steps).Select(step =>
            means.index_select(0, tensor(starts.Select(start => (long)ClassOf(time, start + step * leadSteps, classes)).ToArray())))]);
        var description = $"every pair start of the test block (steps {test.Start}–{test.End - 1}), rolled out while the target stays in the block";
        return new EvaluationSet(description, filled.index_select(0, startIndex), truth, valid, forcing, climatology, leadHours);
    }

    /// <summary>sin(2πh/24) of each step's hour of day, [N, 1]: the forcing the model is given.</summary>
    public static Tensor TimeOfDay(DatasetTimeAxis time, IReadOnlyList<int> steps)
    {
        var startHour = time.Start?.UtcDateTime.TimeOfDay.TotalHours ?? 0;
        return tensor(steps.Select(step => (float)Math.Sin(2 * Math.PI * (startHour + step * time.StepHours) / 24)).ToArray(), [steps.Count, 1]);
    }

    /// <summary>The training block's mean per cell for each time of day, [classes, C, H, W]; one class when the step does not divide a day.</summary>
    private static (int Classes, Tensor Means) Climatology(Tensor filled, DatasetBlock train, GriddedFields fields)
    {
        var time = fields.Time;
        var perDay = 24 / time.StepHours;
        var classes = Math.Abs(perDay - Math.Round(perDay)) < 1e-9 && perDay is >= 1 and <= 24 ? (int)Math.Round(perDay) : 1;
        var usable = Enumerable.Range(train.Start, train.End - train.Start).Where(step => !fields.DefectiveSteps.Contains(step)).ToList();
        var overall = filled.index_select(0, tensor(usable.Select(step => (long)step).ToArray())).mean([0]);
        var means = Enumerable.Range(0, classes).Select(@class =>
        {
            var members = usable.Where(step => ClassOf(time, step, classes) == @class).Select(step => (long)step).ToArray();
            return members.Length > 0 ? filled.index_select(0, tensor(members)).mean([0]) : overall;
        }).ToList();
        return (classes, stack(means));
    }

    private static int ClassOf(DatasetTimeAxis time, int step, int classes)
    {
        var startHour = time.Start?.UtcDateTime.TimeOfDay.TotalHours ?? 0;
        return (int)(Math.Round((startHour + step * time.StepHours) / time.StepHours) % classes);
    }
}
