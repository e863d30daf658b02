using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>Loads entities by primary key, all ids of a level in one <c>WHERE id IN (...)</c>.</summary>
public abstract class ByIdDataLoader<TEntity>(IDbContextFactory<CatalogDbContext> factory) : BatchLoader<int, TEntity>
    where TEntity : class
{
    private readonly object _batchKey = new();

    protected abstract int IdOf(TEntity entity);

    public GraphQL.DataLoader.IDataLoaderResult<TEntity?> Load(int id) => Load(_batchKey, id, FetchAsync);

    /// <summary>Fetches directly (root lookups and <c>nodes(ids:)</c>), bypassing batching.</summary>
    public async Task<IReadOnlyDictionary<int, TEntity>> FetchAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var idArray = ids.ToArray();
        return await db.Set<TEntity>().AsNoTracking()
            .Where(e => idArray.Contains(EF.Property<int>(e, "Id")))
            .ToDictionaryAsync(IdOf, cancellationToken);
    }
}
