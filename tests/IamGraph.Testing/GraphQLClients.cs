namespace IamGraph.Testing;

/// <summary>
/// Real frontend GraphQL tooling (graphql-js, relay-compiler) from tests/tools/graphql-clients, run with node against a live
/// endpoint; see clients.mjs for the commands.
/// </summary>
public static class GraphQLClients
{
    /// <summary>The package's folder in the source tree.</summary>
    public static string Directory { get; } = Repository.Path("tests", "tools", "graphql-clients");

    public static bool Installed =>
        System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql"))
        && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "relay-compiler"));

    /// <summary>Runs <c>node clients.mjs args...</c>: exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        NodeScript.RunAsync(Directory, "clients.mjs", args, TimeSpan.FromMinutes(3));
}

/// <summary>Skips locally when the clients' node_modules is missing (run `npm ci` there); fails under CI.</summary>
public sealed class ClientsFactAttribute : CiAwareFactAttribute
{
    public ClientsFactAttribute()
        : base(!GraphQLClients.Installed, $"run `npm ci` in {GraphQLClients.Directory} to enable the graphql-js and relay-compiler tests")
    {
    }
}
