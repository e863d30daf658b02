using System.CommandLine;
using IamGraph.Catalog;

namespace IamGraph.Commands;

/// <summary>Options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = $"The catalogue database: a SQLite file. Default: ${CatalogDatabase.EnvironmentVariable}, else ./{CatalogDatabase.DefaultFile}.",
    };

    /// <summary><c>--db</c>, else <c>IAMGRAPH_DB</c>, else <c>./iamgraph.db</c>.</summary>
    public static string ResolveDatabase(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(CatalogDatabase.EnvironmentVariable) is { Length: > 0 } env ? env
        : CatalogDatabase.DefaultFile;
}
