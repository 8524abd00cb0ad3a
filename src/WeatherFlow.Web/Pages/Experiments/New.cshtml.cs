using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Labels;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

public sealed class NewModel(WeatherFlowApiClient api) : PageModel
{
    private const string ValueErrorPrefix = "Value error, ";

    [BindProperty]
    public ExperimentForm Form { get; set; } = ExperimentForm.From(new ExperimentConfig(), ExperimentLabels.None);

    public OptionsDocument? Options { get; private set; }

    public string? ApiError { get; private set; }

    /// <summary>The datasets the user may train on, for the form's dataset choice.</summary>
    public IReadOnlyList<DatasetInfo> Datasets { get; private set; } = [];

    /// <summary>Why the datasets could not be listed, shown in place of the dataset choice.</summary>
    public string? DatasetsError { get; private set; }

    /// <summary>The dataset the form's choice shows: the form's own, else the built-in one, else the first.</summary>
    public DatasetInfo? ChosenDataset =>
        Datasets.FirstOrDefault(dataset => Form.Dataset is { } chosen && (dataset.Id.ToString() == chosen || dataset.Name == chosen))
        ?? Datasets.FirstOrDefault(dataset => dataset.Name == ExperimentForm.DefaultDataset)
        ?? Datasets.FirstOrDefault();

    /// <summary>The advertised grids, and the form's own when it is another (a re-run of a run on a custom grid keeps it).</summary>
    public IReadOnlyList<GridSize> GridChoices =>
        Options is null ? [] : [.. Options.GridSizes, .. Options.GridSizes.Select(ExperimentForm.Format).Contains(Form.GridSize) || ExperimentForm.ParseGridSize(Form.GridSize) is not { } own ? [] : new[] { own }];

    /// <summary>The run whose config the form was filled with, when re-running one.</summary>
    public Guid? RerunOf { get; private set; }

    /// <param name="dataset">A dataset to train on, from its page's "Train on it" link.</param>
    public async Task OnGetAsync(Guid? from, Guid? dataset, CancellationToken cancellationToken)
    {
        if (from is { } id)
        {
            try
            {
                if (await api.GetAsync(id, cancellationToken) is { } job)
                {
                    // The name is left to the api's default: it is made from the config, so it stays true of a changed one.
                    Form = ExperimentForm.From(ExperimentConfig.FromCanonicalJson(job.Config.GetRawText()), new(null, job.Tags, job.Note));
                    RerunOf = id;
                }
                else
                {
                    ApiError = $"There is no experiment {id} to re-run; the form shows the defaults.";
                }
            }
            catch (ApiUnavailableException exception)
            {
                ApiError = exception.Message;
            }
            catch (JsonException)
            {
                ApiError = $"The config of experiment {id} could not be read; the form shows the defaults.";
            }
        }
        if (dataset is { } datasetId && RerunOf is null)
        {
            Form.DataSource = ExperimentForm.DatasetSource;
            Form.Dataset = datasetId.ToString();
        }
        await LoadOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && ConfigOfForm() is { } config)
        {
            try
            {
                switch (await api.SubmitAsync(config, Form.ToLabels(), cancellationToken))
                {
                    case SubmitOutcome.Accepted accepted:
                        return RedirectToPage("Details", new { id = accepted.Job.Id });
                    case SubmitOutcome.Invalid invalid:
                        AddFieldErrors(invalid.Errors);
                        break;
                    case SubmitOutcome.Rejected rejected:
                        ApiError = rejected.Message;
                        break;
                }
            }
            catch (ApiUnavailableException exception)
            {
                ApiError = exception.Message;
            }
        }
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    private ExperimentConfig? ConfigOfForm()
    {
        try
        {
            return Form.ToConfig();
        }
        catch (JsonException)
        {
            ModelState.AddModelError(string.Empty, "The form's base config is not an experiment config; open the form again.");
            return null;
        }
    }

    private void AddFieldErrors(IReadOnlyList<ConfigError> errors)
    {
        foreach (var error in errors)
        {
            var message = Readable(error);
            if (ExperimentForm.FieldFor(error.Loc) is { } field)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"{string.Join('.', error.Loc.Skip(1))}: {message}");
            }
        }
    }

    /// <summary>The message without pydantic's "Value error, " prefix, which the wire format keeps for the
    /// reference's clients but tells a person nothing.</summary>
    private static string Readable(ConfigError error) =>
        error.Msg.StartsWith(ValueErrorPrefix, StringComparison.Ordinal) ? error.Msg[ValueErrorPrefix.Length..] : error.Msg;

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            Options = await api.GetOptionsAsync(cancellationToken);
        }
        catch (ApiUnavailableException exception)
        {
            ApiError ??= exception.Message;
        }
        try
        {
            var answer = await api.ListDatasetsAsync(cancellationToken);
            Datasets = answer.Value ?? [];
            DatasetsError = answer.Value is null ? string.Join(" ", answer.Messages) : null;
        }
        catch (ApiUnavailableException exception)
        {
            DatasetsError = exception.Message;
        }
    }

    /// <summary>The leads a dataset offers: whole-hour multiples of its step up to two days (at least its step).</summary>
    public static IReadOnlyList<int> LeadChoices(DatasetInfo dataset)
    {
        var step = dataset.Description.Time.StepHours;
        var leads = Enumerable.Range(1, 48).Select(k => k * step).TakeWhile(lead => lead <= 48 || lead == step)
            .Where(lead => lead == Math.Floor(lead)).Select(lead => (int)lead).ToList();
        return leads;
    }

    /// <summary>12 h where the step allows it, else one step.</summary>
    public int LeadOf(DatasetInfo dataset)
    {
        var choices = LeadChoices(dataset);
        return Form.LeadHours is { } lead && choices.Contains(lead) ? lead
            : choices.Contains(12) ? 12
            : choices.FirstOrDefault();
    }

    /// <summary>The dataset's channels the form ticks: the form's own when it is this dataset, else all.</summary>
    public bool ChannelChosen(DatasetInfo dataset, string channel) =>
        !IsFormDataset(dataset) || Form.DatasetChannels.Count == 0 || Form.DatasetChannels.Contains(channel);

    private bool IsFormDataset(DatasetInfo dataset) => ChosenDataset?.Id == dataset.Id;
}
