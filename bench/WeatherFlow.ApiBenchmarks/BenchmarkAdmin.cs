using Npgsql;
using WeatherFlow.Data.Accounts;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// An admin account with a personal access token, written straight into the benchmark's throw-away database (as
/// <see cref="HistorySeeder"/> writes its runs): signing up through the web would need the mailed link, and the
/// benchmarks measure the api, not accounts. The account has no password, so it cannot sign in on the web.
/// </summary>
public static class BenchmarkAdmin
{
    public static async Task<string> CreateTokenAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var (userId, roleId, token) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), PersonalAccessTokens.NewToken());
        var email = $"benchmark-{userId[..8]}@weatherflow.local";
        await using var command = database.CreateCommand("""
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES (@role, @roleName, upper(@roleName), @role)
                ON CONFLICT ("NormalizedName") DO NOTHING;
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES (@user, @email, upper(@email), @email, upper(@email), true, @user, @user, false, false, false, 0);
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT @user, "Id" FROM "AspNetRoles" WHERE "NormalizedName" = upper(@roleName);
            INSERT INTO "PersonalAccessTokens" ("Id", "UserId", "Name", "TokenHash", "CreatedAt") VALUES (@token, @user, 'benchmark', @hash, now());
            """);
        command.Parameters.AddWithValue("role", roleId);
        command.Parameters.AddWithValue("roleName", WeatherFlowUser.AdminRole);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("token", Guid.CreateVersion7());
        command.Parameters.AddWithValue("hash", PersonalAccessTokens.Hash(token));
        await command.ExecuteNonQueryAsync();
        return token;
    }
}
