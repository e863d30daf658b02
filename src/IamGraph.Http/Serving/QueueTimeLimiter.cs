using System.Threading.RateLimiting;

namespace IamGraph.Http.Serving;

/// <summary>
/// A concurrency limiter whose queued requests give up after <paramref name="maxWait"/>: a request that would wait longer
/// gets the same 503 as one beyond the queue, rather than a client-side timeout. The queue's length alone cannot bound the
/// wait, since how fast it drains depends on the operations and the machine.
/// </summary>
internal sealed class QueueTimeLimiter(ConcurrencyLimiter inner, TimeSpan maxWait) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        RateLimitLease immediate = inner.AttemptAcquire(permitCount);
        if (immediate.IsAcquired)
        {
            return immediate;
        }

        immediate.Dispose();
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(maxWait);
        try
        {
            return await inner.AcquireAsync(permitCount, waited.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WaitedTooLong.Instance;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class WaitedTooLong : RateLimitLease
    {
        public static readonly WaitedTooLong Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
