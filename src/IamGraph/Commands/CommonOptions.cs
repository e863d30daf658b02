using System.CommandLine;
using IamGraph.Catalog;

namespace IamGraph.Commands;

/// <summary>Options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = $"The catalogue database: a SQLite file or a PostgreSQL connection string (Host=...;Database=...). Default: ${CatalogDatabase.EnvironmentVariable}, else ./{CatalogDatabase.DefaultFile}.",
    };

    /// <summary><c>--db</c>, else <c>IAMGRAPH_DB</c>, else <c>./iamgraph.db</c>.</summary>
    public static CatalogConnection ResolveDatabase(string? option) => CatalogConnection.Parse(
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(CatalogDatabase.EnvironmentVariable) is { Length: > 0 } env ? env
        : CatalogDatabase.DefaultFile);
}
