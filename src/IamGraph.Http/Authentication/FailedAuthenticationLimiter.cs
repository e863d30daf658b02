using System.Net;
using System.Threading.RateLimiting;

using Microsoft.Extensions.Options;

namespace IamGraph.Http.Authentication;

/// <summary>
/// Counts failed authentications per client address in a fixed one-minute window; an address that used up its budget
/// gets 429 for every token-bearing request until the window ends, so tokens and keys cannot be guessed at speed.
/// </summary>
public sealed class FailedAuthenticationLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures;

    public FailedAuthenticationLimiter(IOptions<BearerTokenOptions> options)
    {
        int permits = options.Value.FailedAttemptsPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public static string KeyOf(IPAddress? address) => address?.ToString() ?? "unknown";

    /// <summary>Whether the address has no failures left in this window.</summary>
    public bool IsLockedOut(string address) => _failures.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    public void RecordFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
