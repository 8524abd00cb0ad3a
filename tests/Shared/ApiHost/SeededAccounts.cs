using Npgsql;
using WeatherFlow.Data.Accounts;

namespace WeatherFlow.TestSupport;

/// <summary>
/// Accounts with a personal access token, written straight into the api's database as the web's Identity pages
/// would leave them (the api only reads them): signing up needs the web and its mailed link, which api tests do
/// not run. The accounts have no password, so they cannot sign in on a web.
/// </summary>
public static class SeededAccounts
{
    /// <returns>The account's id (what the api's claims and quotas name) and its token.</returns>
    public static async Task<(string AccountId, string Email, string Token)> CreateAsync(NpgsqlDataSource database, string name, bool admin, CancellationToken cancellationToken)
    {
        var (accountId, token) = (Guid.NewGuid().ToString(), PersonalAccessTokens.NewToken());
        var email = $"{name}-{accountId[..8]}@example.com";
        await using var command = database.CreateCommand("""
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES (@role, @roleName, upper(@roleName), @role)
                ON CONFLICT ("NormalizedName") DO NOTHING;
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES (@user, @email, upper(@email), @email, upper(@email), true, @user, @user, false, false, false, 0);
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT @user, "Id" FROM "AspNetRoles" WHERE "NormalizedName" = upper(@roleName) AND @admin;
            INSERT INTO "PersonalAccessTokens" ("Id", "UserId", "Name", "TokenHash", "CreatedAt") VALUES (@token, @user, 'tests', @hash, now());
            """);
        command.Parameters.AddWithValue("role", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("roleName", WeatherFlowUser.AdminRole);
        command.Parameters.AddWithValue("admin", admin);
        command.Parameters.AddWithValue("user", accountId);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("token", Guid.CreateVersion7());
        command.Parameters.AddWithValue("hash", PersonalAccessTokens.Hash(token));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (accountId, email, token);
    }
}
