using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using WeatherFlow.Data.Accounts;
using WeatherFlow.Data.Audit;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Identity's sign-in with the guards a shared platform needs. Every wrong password counts towards the lockout:
/// Identity UI's sign-in page asks for it not to (it passes <c>lockoutOnFailure: false</c>, and has no setting), so
/// this is where it is decided. An address without an account fails and locks the same way
/// (<see cref="UnknownAddressFailures"/>). Every outcome goes to the audit trail.
/// </summary>
public sealed class GuardedSignInManager(
    UserManager<WeatherFlowUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<WeatherFlowUser> claims,
    IOptions<IdentityOptions> identity,
    ILogger<SignInManager<WeatherFlowUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WeatherFlowUser> confirmation,
    UnknownAddressFailures unknownAddresses,
    AuditTrail audit)
    : SignInManager<WeatherFlowUser>(users, http, claims, identity, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        }
        var result = await unknownAddresses.FailAsync(userName) ? SignInResult.LockedOut : SignInResult.Failed;
        await RecordAsync(result, user: null, userName, "password");
        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(WeatherFlowUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        await RecordAsync(result, user, user.UserName, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(result, user, user?.UserName, "authenticator code");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(result, user, user?.UserName, "recovery code");
        return result;
    }

    public override async Task<SignInResult> ExternalLoginSignInAsync(string loginProvider, string providerKey, bool isPersistent, bool bypassTwoFactor)
    {
        var result = await base.ExternalLoginSignInAsync(loginProvider, providerKey, isPersistent, bypassTwoFactor);
        if (result.Succeeded && await UserManager.FindByLoginAsync(loginProvider, providerKey) is { } user)
        {
            await RecordAsync(result, user, user.UserName, loginProvider);
        }
        return result;
    }

    /// <summary>A password right but a second factor still to come, or an address not yet confirmed, is no sign-in and
    /// no failure.</summary>
    private Task RecordAsync(SignInResult result, WeatherFlowUser? user, string? address, string how) =>
        result.Succeeded ? audit.RecordAsync(AuditEvents.SignedIn, user!.Id, user.UserName, address, how)
        : result.IsLockedOut ? audit.RecordAsync(AuditEvents.LockedOut, null, null, address, how)
        : result.RequiresTwoFactor || result.IsNotAllowed ? Task.CompletedTask
        : audit.RecordAsync(AuditEvents.SignInFailed, null, null, address, how);
}
