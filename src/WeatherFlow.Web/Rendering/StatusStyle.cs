using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Web.Rendering;

public static class StatusStyle
{
    /// <summary>The Bootstrap background class of a job status badge.</summary>
    public static string Badge(string status) => status switch
    {
        ExperimentJobStatus.Running => "text-bg-primary",
        ExperimentJobStatus.Completed => "text-bg-success",
        ExperimentJobStatus.Failed => "text-bg-danger",
        ExperimentJobStatus.Cancelled => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    /// <summary>The progress bar of a finished job takes its outcome's colour; a live one stays animated.</summary>
    public static string ProgressBar(string status) => status switch
    {
        ExperimentJobStatus.Completed => "bg-success",
        ExperimentJobStatus.Failed => "bg-danger",
        ExperimentJobStatus.Cancelled => "bg-warning",
        _ => "progress-bar-striped progress-bar-animated",
    };
}
