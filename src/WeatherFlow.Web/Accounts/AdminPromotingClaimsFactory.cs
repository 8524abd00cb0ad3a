using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeatherFlow.Data.Accounts;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Identity's claims factory (with roles), which also makes the first admin: the confirmed account whose address is
/// <see cref="AccountsOptions.AdminEmail"/> joins the admin role as it signs in, so no database seeding is needed and
/// the address may sign up at any time. Others are made admins by adding them to the role.
/// </summary>
public sealed class AdminPromotingClaimsFactory(
    UserManager<WeatherFlowUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identity,
    IOptions<AccountsOptions> accounts)
    : UserClaimsPrincipalFactory<WeatherFlowUser, IdentityRole>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WeatherFlowUser user)
    {
        if (IsFirstAdmin(user) && !await UserManager.IsInRoleAsync(user, WeatherFlowUser.AdminRole))
        {
            if (!await RoleManager.RoleExistsAsync(WeatherFlowUser.AdminRole))
            {
                await RoleManager.CreateAsync(new IdentityRole(WeatherFlowUser.AdminRole));
            }
            await UserManager.AddToRoleAsync(user, WeatherFlowUser.AdminRole);
        }
        return await base.GenerateClaimsAsync(user);
    }

    private bool IsFirstAdmin(WeatherFlowUser user) =>
        user.EmailConfirmed && accounts.Value.AdminEmail is { Length: > 0 } admin
        && string.Equals(user.Email, admin, StringComparison.OrdinalIgnoreCase);
}
