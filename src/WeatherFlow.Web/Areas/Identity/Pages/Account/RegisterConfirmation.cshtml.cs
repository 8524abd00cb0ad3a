using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeatherFlow.Web.Areas.Identity.Pages.Account;

/// <summary>"Check your mail", whatever address was registered: Identity UI's page answers 404 for an address that has no
/// account and 200 for one that has, to anyone who asks.</summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}
