using System.Text.Json;

using IamGraph.Hosting;

namespace IamGraph.Tests;

/// <summary>
/// Issue 14, defect 8: server GC held memory at its load peak long after the load stopped. The executable keeps server
/// GC (Q1 throughput and the import's parse are both faster with it on 2 cores) and collects aggressively once idle
/// after a burst.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    private const long Mb = 1 << 20;

    [Fact]
    public void The_built_runtimeconfig_selects_server_GC()
    {
        // The executable's own runtimeconfig, copied beside the tests from src/IamGraph's build output.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "iamgraph.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void Memory_is_trimmed_once_when_a_burst_is_followed_by_quiet()
    {
        var policy = new IdleTrimPolicy(allocatedAtStart: 0);
        long allocated = 0;

        // A burst: far more than the idle threshold every interval, so never interrupted.
        for (var tick = 0; tick < 10; tick++)
        {
            allocated += 200 * Mb;
            Assert.False(policy.ShouldTrim(allocated));
        }

        allocated += 1 * Mb;
        Assert.True(policy.ShouldTrim(allocated));
        policy.Trimmed(allocated);

        // Still quiet: nothing new worth collecting, so no collection per tick.
        for (var tick = 0; tick < 10; tick++)
        {
            allocated += 1 * Mb;
            Assert.False(policy.ShouldTrim(allocated));
        }
    }

    [Fact]
    public void A_quiet_server_that_never_had_a_burst_is_left_alone()
    {
        var policy = new IdleTrimPolicy(allocatedAtStart: 50 * Mb);
        var allocated = 50 * Mb;
        for (var tick = 0; tick < 100; tick++)
        {
            allocated += 2 * Mb;
            Assert.False(policy.ShouldTrim(allocated));
        }

        // 200 MB of slow, steady work is still not a burst worth a blocking collection until it passes the threshold.
        Assert.True(allocated - (50 * Mb) < IdleMemoryTrimmer.BurstBytes);
    }
}
