namespace IamGraph.Testing;

/// <summary>Runs graphql-http's server audit (tests/tools/graphql-http-audit) against a live endpoint.</summary>
public static class GraphQLHttpAudit
{
    /// <summary>The audit's folder in the source tree, found by walking up from the test's output.</summary>
    public static string Directory { get; } = Find();

    public static bool Installed => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql-http"));

    /// <summary>Exit code and everything the script printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(Uri endpoint) =>
        NodeScript.RunAsync(Directory, "audit.mjs", [endpoint.ToString()], TimeSpan.FromMinutes(2));

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
