using System.Globalization;
using System.Text;

namespace WeatherFlow.Api.Experiments;

/// <summary>Per-epoch metrics as CSV for spreadsheets and pandas: a header of the JSON names, one row per epoch,
/// numbers round-trippable in the invariant culture, empty cells for validation losses not (yet) measured. Written
/// here rather than with a CSV library: every cell is a number or empty, so nothing ever needs quoting.</summary>
internal static class EpochMetricsCsv
{
    private const string Header = "epoch,loss,flowLoss,divergenceLoss,rolloutLoss,energyDiff,valLoss,valFlowLoss,valDivergenceLoss,valRolloutLoss,valEnergyDiff";

    public static string Write(IEnumerable<EpochLosses> epochs)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var m in epochs)
        {
            csv.AppendJoin(',', [
                m.Epoch.ToString(CultureInfo.InvariantCulture), Number(m.Loss), Number(m.FlowLoss), Number(m.DivergenceLoss),
                Number(m.RolloutLoss), Number(m.EnergyDiff), Number(m.ValLoss), Number(m.ValFlowLoss), Number(m.ValDivergenceLoss),
                Number(m.ValRolloutLoss), Number(m.ValEnergyDiff)]).Append('\n');
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
