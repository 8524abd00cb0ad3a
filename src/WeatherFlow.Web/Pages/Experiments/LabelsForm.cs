using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>The experiment page's form for a run's name, tags (one text box, comma-separated) and note.</summary>
public sealed class LabelsForm
{
    public string? Name { get; set; }

    public string? Tags { get; set; }

    public string? Note { get; set; }

    public static LabelsForm From(ExperimentJob job) => new() { Name = job.Name, Tags = string.Join(", ", job.Tags), Note = job.Note };

    /// <summary>Every field is sent, so emptying the tags or the note removes them; the api judges each value.</summary>
    public ExperimentLabelsUpdate ToUpdate() => new(Name ?? "", LabelText.Tags(Tags), LabelText.Note(Note ?? ""));
}
