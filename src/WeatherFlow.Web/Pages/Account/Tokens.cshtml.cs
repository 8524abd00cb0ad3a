using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Web.Accounts;

namespace WeatherFlow.Web.Pages.Account;

/// <summary>A user's personal access tokens for the REST API: made with a name, shown once, revoked at will.</summary>
[Authorize]
public sealed class TokensModel(PersonalAccessTokenService tokens, UserManager<WeatherFlowUser> users) : PageModel
{
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Give the token a name, such as the machine or script that uses it.")]
    [StringLength(PersonalAccessTokens.MaxNameLength, ErrorMessage = "A name has at most {1} characters.")]
    public string? Name { get; set; }

    /// <summary>The token just made: shown on this one answer, and never again.</summary>
    public string? NewToken { get; private set; }

    private string UserId => users.GetUserId(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            NewToken = await tokens.CreateAsync(UserId, User.Identity?.Name, Name!.Trim(), cancellationToken);
            Name = null;
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(UserId, User.Identity?.Name, id, cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(UserId, cancellationToken);
}
