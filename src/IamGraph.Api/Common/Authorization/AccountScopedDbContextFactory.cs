using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IamGraph.Api.Common.Authorization;

/// <summary>The process's one pool of catalogue contexts (no tracking); handed out only through <see cref="AccountScopedDbContextFactory"/>.</summary>
public sealed class CatalogContextPool(DbContextOptions<CatalogDbContext> options)
{
    private readonly PooledDbContextFactory<CatalogDbContext> _pool = new(options);

    /// <summary>A context that reads <paramref name="scope"/>'s rows; dispose it to return it to the pool.</summary>
    public CatalogDbContext Create(AccountScope scope)
    {
        var db = _pool.CreateDbContext();
        db.AccountScope = scope;
        return db;
    }
}

/// <summary>
/// Every catalogue context of a request comes from here, scoped to the request's accounts, so the account filter in
/// <see cref="CatalogDbContext"/> applies to every statement: root lists, counts, nested connections, lookups by id.
/// </summary>
public sealed class AccountScopedDbContextFactory(CatalogContextPool pool, RequestAccountScope scope) : IDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext() => pool.Create(scope.Current);
}
