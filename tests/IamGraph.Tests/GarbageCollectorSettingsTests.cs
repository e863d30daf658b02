using System.Text.Json;

namespace IamGraph.Tests;

/// <summary>
/// Issue 14, defect 8: the shipped runtime configuration chooses workstation GC with background collections (server GC,
/// the Web SDK's default, held memory at its load peak long after the load stopped on a 2-core host).
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Fact]
    public void The_built_runtimeconfig_selects_workstation_GC_with_concurrent_collections()
    {
        // The executable's own runtimeconfig, copied beside the tests from src/IamGraph's build output.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "iamgraph.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }
}
