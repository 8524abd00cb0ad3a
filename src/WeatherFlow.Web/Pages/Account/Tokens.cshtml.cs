using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeatherFlow.Data;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Web.Pages.Account;

/// <summary>A user's personal access tokens for the REST API: made with a name, shown once, revoked at will.</summary>
[Authorize]
public sealed class TokensModel(WeatherDbContext db, UserManager<WeatherFlowUser> users, AuditTrail audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Give the token a name, such as the machine or script that uses it.")]
    [StringLength(PersonalAccessTokens.MaxNameLength, ErrorMessage = "A name has at most {1} characters.")]
    public string? Name { get; set; }

    /// <summary>The token just made: shown on this one answer, and never again.</summary>
    public string? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            NewToken = PersonalAccessTokens.NewToken();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                Id = Guid.CreateVersion7(),
                UserId = users.GetUserId(User)!,
                Name = Name!.Trim(),
                TokenHash = PersonalAccessTokens.Hash(NewToken),
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditEvents.TokenCreated, users.GetUserId(User), User.Identity?.Name, Name!.Trim(), cancellationToken: cancellationToken);
            Name = null;
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var now = time.GetUtcNow();
        var revoked = await db.PersonalAccessTokens.Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            await audit.RecordAsync(AuditEvents.TokenRevoked, userId, User.Identity?.Name, id.ToString(), cancellationToken: cancellationToken);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Tokens = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
    }
}
