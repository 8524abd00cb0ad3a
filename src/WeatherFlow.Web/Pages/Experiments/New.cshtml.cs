using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

public sealed class NewModel(WeatherFlowApiClient api) : PageModel
{
    [BindProperty]
    public ExperimentForm Form { get; set; } = ExperimentForm.From(new ExperimentConfig());

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
                    Form = ExperimentForm.From(ExperimentConfig.FromCanonicalJson(job.Config.GetRawText()));
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
                switch (await api.SubmitAsync(config, cancellationToken))
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
            if (ExperimentForm.FieldFor(error.Loc) is { } field)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", error.Msg);
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"{string.Join('.', error.Loc.Skip(1))}: {error.Msg}");
            }
        }
    }

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
