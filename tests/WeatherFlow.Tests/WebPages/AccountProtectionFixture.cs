using System.Globalization;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>
/// The composition with the web's sign-in protection as deployed (lockout, per-address limits) but for a client-address
/// budget tests can reach, and with admins required to use two-factor sign-in. Its admin is an address of its own,
/// which a test signs up; the fixture's usual account (<see cref="CompositionFixture.AdminEmail"/>) is no admin here.
/// Each test posts from an address of 127.0.0.0/8 of its own, so that no test spends another's budget.
/// </summary>
public sealed class AccountProtectionFixture : CompositionFixture
{
    public const string ProtectedAdminEmail = "protected-admin@weatherflow.test";
    public const int FormsPerClientAddress = 40;

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        appHost.Project(CompositionResources.Web)
            .WithEnvironment("Accounts__AdminEmail", ProtectedAdminEmail)
            .WithEnvironment("SignInProtection__RequireTwoFactorForAdmins", "true")
            .WithEnvironment("SignInProtection__FormsPerClientAddress", FormsPerClientAddress.ToString(CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class AccountProtectionCollection : ICollectionFixture<AccountProtectionFixture>
{
    public const string Name = "account protection";
}
