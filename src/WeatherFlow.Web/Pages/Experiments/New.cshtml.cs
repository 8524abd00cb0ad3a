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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                switch (await api.SubmitAsync(Form.ToConfig(), cancellationToken))
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
