using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Experiments;
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

    /// <summary>The advertised grids, and the form's own when it is another (a re-run of a run on a custom grid keeps it).</summary>
    public IReadOnlyList<GridSize> GridChoices =>
        Options is null ? [] : [.. Options.GridSizes, .. Options.GridSizes.Select(ExperimentForm.Format).Contains(Form.GridSize) || ExperimentForm.ParseGridSize(Form.GridSize) is not { } own ? [] : new[] { own }];

    /// <summary>The run whose config the form was filled with, when re-running one.</summary>
    public Guid? RerunOf { get; private set; }

    public async Task OnGetAsync(Guid? from, CancellationToken cancellationToken)
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
    }
}
