using System.Globalization;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>The compare page's scorecard laid out: a row per channel × lead, a column per run other than the reference.</summary>
public sealed class ScorecardTable
{
    private readonly Dictionary<(Guid Run, string Channel, double LeadHours), ScorecardCell> cells;

    private ScorecardTable(Scorecard scorecard, IReadOnlyList<(ScorecardRun Run, int Index)> columns, IReadOnlyList<(string Channel, double LeadHours)> targets)
    {
        Scorecard = scorecard;
        Columns = columns;
        Targets = targets;
        cells = columns.Where(column => column.Run.Cells is not null)
            .SelectMany(column => column.Run.Cells!.Select(cell => (column.Run.Id, cell)))
            .ToDictionary(entry => (entry.Id, entry.cell.Channel, entry.cell.LeadHours), entry => entry.cell);
    }

    public Scorecard Scorecard { get; }

    /// <summary>The runs compared with the reference, with their place in the comparison (for their colour).</summary>
    public IReadOnlyList<(ScorecardRun Run, int Index)> Columns { get; }

    /// <summary>The shared targets, channel-major as the api lists them.</summary>
    public IReadOnlyList<(string Channel, double LeadHours)> Targets { get; }

    public ScorecardRun Reference => Scorecard.Runs.First(run => run.Id == Scorecard.ReferenceId);

    public static ScorecardTable From(Scorecard scorecard)
    {
        var columns = scorecard.Runs.Select((run, index) => (run, index)).Where(column => column.run.Id != scorecard.ReferenceId).ToList();
        // Every scored run has a cell for each shared target, so any one of them lists the rows.
        var targets = columns.Select(column => column.run.Cells).OfType<IReadOnlyList<ScorecardCell>>().FirstOrDefault() is { } listed
            ? listed.Select(cell => (cell.Channel, cell.LeadHours)).ToList()
            : [];
        return new(scorecard, columns, targets);
    }

    public ScorecardCell? CellOf(ScorecardRun run, (string Channel, double LeadHours) target) =>
        cells.GetValueOrDefault((run.Id, target.Channel, target.LeadHours));

    public static string Percent(double percent) => $"{percent.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} %";
}
