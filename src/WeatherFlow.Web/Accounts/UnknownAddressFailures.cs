using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace WeatherFlow.Web.Accounts;

/// <summary>
/// Failed sign-ins for addresses that have no account, counted like an account's (in Redis, per replica while it is
/// down), so that the attempt which would lock an account out answers "locked out" here too, until the lockout time
/// has passed: the sign-in page never tells whether an address has an account.
/// </summary>
public sealed class UnknownAddressFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public UnknownAddressFailures(IOptions<SignInProtectionOptions> options, IConnectionMultiplexer redis, ILogger<UnknownAddressFailures> logger)
    {
        var protection = options.Value;
        // An account locks on its MaxFailedAttempts-th failure: the ones before it are allowed.
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, k =>
            SharedOrLocalRateLimiter.FixedWindow(k, protection.MaxFailedAttempts - 1, protection.LockoutTime, redis, logger)));
    }

    /// <returns>Whether the address is now locked out.</returns>
    public async Task<bool> FailAsync(string address, CancellationToken cancellationToken = default)
    {
        using var failure = await _failures.AcquireAsync($"signin-failures:{AddressKey.Of(address)}", cancellationToken: cancellationToken);
        return !failure.IsAcquired;
    }

    public void Dispose() => _failures.Dispose();
}
