using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api;

/// <summary>Settings of the GraphQL API: where the catalogue is and how large a page may be.</summary>
public sealed class ApiOptions
{
    /// <summary>The catalogue's provider and connection (<c>CatalogDatabase.Configure</c>), plus interceptors in tests. Required.</summary>
    public Action<DbContextOptionsBuilder>? ConfigureDbContext { get; set; }

    /// <summary>Largest <c>first</c>/<c>last</c> accepted. 5000 lets one page hold the largest policy (3,442 actions).</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>
    /// What a caller without an authenticated identity sees: the public catalogue; every account only for a host that
    /// reads the file itself (<c>iamgraph query</c>) or was started with <c>--allow-anonymous-account-data</c>.
    /// </summary>
    public AccountScope AnonymousScope { get; set; } = AccountScope.Public;
}
