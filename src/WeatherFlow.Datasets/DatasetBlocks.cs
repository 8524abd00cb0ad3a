using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Datasets;

/// <summary>
/// The contiguous training, validation and test blocks of a time axis, in time order, and the pairs each holds: a
/// pair starts at a step and ends <c>leadSteps</c> later inside the same block (so no target of one block is an
/// input of another), with no defective step from its input to its target.
/// </summary>
public sealed record DatasetBlocks(DatasetBlock Train, DatasetBlock Validation, DatasetBlock Test)
{
    public static readonly string[] Names = ["training", "validation", "test"];

    public IReadOnlyList<DatasetBlock> All => [Train, Validation, Test];

    public static DatasetBlocks Of(int steps, DatasetSplit split, int leadSteps, IReadOnlySet<int> defective)
    {
        var trainEnd = (int)Math.Floor(steps * split.Train);
        var validationEnd = trainEnd + (int)Math.Floor(steps * split.Validation);
        DatasetBlock Block(int start, int end) => new(start, end, [.. Enumerable.Range(start, Math.Max(0, end - leadSteps - start))
            .Where(first => !Enumerable.Range(first, leadSteps + 1).Any(defective.Contains))]);
        return new(Block(0, trainEnd), Block(trainEnd, validationEnd), Block(validationEnd, steps));
    }

    /// <summary>The lead in steps of <paramref name="stepHours"/>; null when it is not a whole positive number of them.</summary>
    public static int? LeadSteps(int leadHours, double stepHours)
    {
        var steps = leadHours / stepHours;
        return Math.Abs(steps - Math.Round(steps)) < 1e-9 && steps >= 0.5 ? (int)Math.Round(steps) : null;
    }
}

/// <summary>Steps [<see cref="Start"/>, <see cref="End"/>) of a time axis and the first steps of the pairs inside.</summary>
public sealed record DatasetBlock(int Start, int End, IReadOnlyList<int> PairStarts);
