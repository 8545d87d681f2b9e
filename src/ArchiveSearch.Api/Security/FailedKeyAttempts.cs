using System.Threading.RateLimiting;
using ArchiveSearch.Api.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Security;

/// <summary>
/// Counts wrong or missing admin keys per client address; a client past the budget is refused outright
/// (429) for the rest of the window, whatever key it sends, so a key cannot be guessed at speed.
/// </summary>
internal sealed class FailedKeyAttempts(IOptions<ProtectionOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedAdminKeysPer15Minutes,
            Window = TimeSpan.FromMinutes(15),
            QueueLimit = 0,
        }));

    public bool IsLockedOut(string client) => failures.GetStatistics(client)?.CurrentAvailablePermits == 0;

    public void Record(string client)
    {
        using var _ = failures.AttemptAcquire(client);
    }

    public void Dispose() => failures.Dispose();
}
