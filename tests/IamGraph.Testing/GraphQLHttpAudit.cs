using System.Diagnostics;

namespace IamGraph.Testing;

/// <summary>Runs graphql-http's server audit (tests/tools/graphql-http-audit) against a live endpoint.</summary>
public static class GraphQLHttpAudit
{
    /// <summary>The audit's folder in the source tree, found by walking up from the test's output.</summary>
    public static string Directory { get; } = Find();

    public static bool Installed => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql-http"));

    /// <summary>Exit code and everything the script printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(Uri endpoint)
    {
        var start = new ProcessStartInfo("node", ["audit.mjs", endpoint.ToString()])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode, await stdout + await stderr);
    }

    private static string Find() => Repository.Path("tests", "tools", "graphql-http-audit");
}

/// <summary>Skips locally when the audit's node_modules is missing (run `npm ci` there); fails under CI.</summary>
public sealed class AuditFactAttribute : CiAwareFactAttribute
{
    public AuditFactAttribute()
        : base(!GraphQLHttpAudit.Installed, $"run `npm ci` in {GraphQLHttpAudit.Directory} to enable the graphql-http audit")
    {
    }
}
