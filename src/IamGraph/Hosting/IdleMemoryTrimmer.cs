namespace IamGraph.Hosting;

/// <summary>
/// Server GC keeps the heap a burst of requests grew it to, long after the burst (issue 14: 200-560 MB a minute after
/// Q1 load stopped, on 2 cores). Once the server has worked and then gone quiet, one aggressive collection hands that
/// memory back to the OS; a busy server is never interrupted, and a quiet one is collected once per burst, not per tick.
/// </summary>
internal sealed class IdleMemoryTrimmer(ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Fewer bytes allocated in one interval: the server is idle.</summary>
    internal const long IdleBytesPerInterval = 8L << 20;

    /// <summary>More bytes allocated since the last collection: a burst worth collecting after.</summary>
    internal const long BurstBytes = 256L << 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = new IdleTrimPolicy(GC.GetTotalAllocatedBytes());
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (policy.ShouldTrim(GC.GetTotalAllocatedBytes()))
            {
                var before = Environment.WorkingSet;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                policy.Trimmed(GC.GetTotalAllocatedBytes());
                logger.LogDebug("Idle after a burst: working set {Before} MB -> {After} MB.", before >> 20, Environment.WorkingSet >> 20);
            }
        }
    }
}

/// <summary>When to collect, from the process's total allocated bytes sampled once per interval.</summary>
internal sealed class IdleTrimPolicy(long allocatedAtStart)
{
    private long _lastSample = allocatedAtStart;
    private long _lastTrim = allocatedAtStart;

    public bool ShouldTrim(long allocated)
    {
        var idle = allocated - _lastSample < IdleMemoryTrimmer.IdleBytesPerInterval;
        _lastSample = allocated;
        return idle && allocated - _lastTrim > IdleMemoryTrimmer.BurstBytes;
    }

    public void Trimmed(long allocated) => _lastTrim = _lastSample = allocated;
}
