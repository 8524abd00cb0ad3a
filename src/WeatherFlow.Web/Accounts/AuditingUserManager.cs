using Microsoft.Extensions.Options;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Identity's user manager, recording in the audit trail what changes an account, whichever page or flow changed it
/// (Identity UI's own pages included): created, confirmed, two-factor sign-in turned on or off, a role granted. The
/// actor is the signed-in user of the request, if any.
/// </summary>
public sealed class AuditingUserManager(
    IUserStore<WeatherFlowUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<WeatherFlowUser> passwordHasher,
    IEnumerable<IUserValidator<WeatherFlowUser>> userValidators,
    IEnumerable<IPasswordValidator<WeatherFlowUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<WeatherFlowUser>> logger,
    IHttpContextAccessor http,
    AuditTrail audit)
    : UserManager<WeatherFlowUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(WeatherFlowUser user) =>
        await RecordIfSucceededAsync(await base.CreateAsync(user), AuditEvents.AccountCreated, user);

    public override async Task<IdentityResult> ConfirmEmailAsync(WeatherFlowUser user, string token) =>
        await RecordIfSucceededAsync(await base.ConfirmEmailAsync(user, token), AuditEvents.AccountConfirmed, user);

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(WeatherFlowUser user, bool enabled) =>
        await RecordIfSucceededAsync(await base.SetTwoFactorEnabledAsync(user, enabled),
            enabled ? AuditEvents.TwoFactorEnabled : AuditEvents.TwoFactorDisabled, user);

    public override async Task<IdentityResult> AddToRoleAsync(WeatherFlowUser user, string role) =>
        await RecordIfSucceededAsync(await base.AddToRoleAsync(user, role), AuditEvents.RoleGranted, user, role);

    private async Task<IdentityResult> RecordIfSucceededAsync(IdentityResult result, string @event, WeatherFlowUser user, string? detail = null)
    {
        if (result.Succeeded)
        {
            var actor = http.HttpContext?.User is { Identity.IsAuthenticated: true } signedIn ? signedIn : null;
            await audit.RecordAsync(@event, actor?.FindFirstValue(ClaimTypes.NameIdentifier), actor?.Identity?.Name, user.UserName, detail);
        }
        return result;
    }
}
