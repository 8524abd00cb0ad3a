using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-up that answers the same for an address with an account and one without: both go on to "check your mail".
/// A new address gets the link that confirms it; an address not yet confirmed gets that link again; the owner of a
/// confirmed one gets a mail saying someone tried to register it. The password's rules are checked first, for any
/// address, and the password is hashed either way, so neither the page nor its timing tells the two apart.
/// (Identity UI's own page answers "Username '…' is already taken".)
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(UserManager<WeatherFlowUser> users, IEmailSender mail, AuditTrail audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = new WeatherFlowUser { UserName = Input.Email, Email = Input.Email };
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in valid.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email) is { } existing)
        {
            users.PasswordHasher.HashPassword(existing, Input.Password);
            await (existing.EmailConfirmed ? MailExistingOwnerAsync(existing) : MailConfirmationAsync(existing, returnUrl));
            await audit.RecordAsync(AuditEvents.RegistrationOfExistingAddress, null, null, existing.UserName);
        }
        else
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }
                return Page();
            }
            await MailConfirmationAsync(user, returnUrl);
        }
        return RedirectToPage("RegisterConfirmation", new { returnUrl });
    }

    private async Task MailConfirmationAsync(WeatherFlowUser user, string? returnUrl)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { area = "Identity", userId = user.Id, code, returnUrl }, protocol: Request.Scheme)!;
        await mail.SendEmailAsync(user.Email!, "Confirm your email",
            $"Please confirm your WeatherFlow account by <a href='{HtmlEncoder.Default.Encode(link)}'>clicking here</a>.");
    }

    private Task MailExistingOwnerAsync(WeatherFlowUser user)
    {
        var signIn = Url.Page("/Account/Login", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!;
        var reset = Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!;
        return mail.SendEmailAsync(user.Email!, "Someone tried to register with your address",
            "Someone just tried to create a WeatherFlow account with this address, which already has one. " +
            $"If it was you, <a href='{HtmlEncoder.Default.Encode(signIn)}'>sign in</a>, or " +
            $"<a href='{HtmlEncoder.Default.Encode(reset)}'>reset your password</a> if you have forgotten it. " +
            "If it was not you, nothing has changed and you need do nothing.");
    }

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100, ErrorMessage = "The {0} must be at least {2} and at most {1} characters long.", MinimumLength = 6)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        [Compare(nameof(Password), ErrorMessage = "The password and confirmation password do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
