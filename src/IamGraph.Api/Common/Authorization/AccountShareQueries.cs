using System.Linq.Expressions;

using IamGraph.Api.Common.Projection;
using IamGraph.Catalog;

namespace IamGraph.Api.Common.Authorization;

/// <summary>
/// Where the API's reads of catalogue rows pick up the visible accounts' share of stored counts (<see cref="AccountShares"/>):
/// the root and nested connections, lookups and loads by id. A public-scope query passes through unchanged.
/// </summary>
public static class AccountShareQueries
{
    /// <summary>The query (filter, order, projection already composed) with every shared count read as stored + visible share.</summary>
    public static IQueryable<T> WithAccountShares<T>(this IQueryable<T> query, CatalogDbContext db) =>
        AccountShares.Apply(query, db.AccountScope);

    /// <summary>
    /// For a query returning whole entities: every column read through a projection, so the shared counts can carry their
    /// share. Entities with no shared count, and public-scope queries, are read as before.
    /// </summary>
    public static IQueryable<T> WholeRowsWithAccountShares<T>(this IQueryable<T> query, CatalogDbContext db) =>
        db.AccountScope == AccountScope.Public || !AccountShares.Has(typeof(T))
            ? query
            : AccountShares.Apply(query.Select(AllColumns<T>.Projection), db.AccountScope);

    private static class AllColumns<T>
    {
        public static readonly Expression<Func<T, T>> Projection = EntityProjection.Of<T>([]);
    }
}
