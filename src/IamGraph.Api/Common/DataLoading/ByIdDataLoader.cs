using System.Linq.Expressions;

using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Common.DataLoading;

/// <summary>Loads whole entities by primary key, all ids of a level in one <c>WHERE id IN (...)</c>. Request-scoped, one per entity type.</summary>
public sealed class ByIdDataLoader<TEntity>(IDbContextFactory<CatalogDbContext> factory) : BatchLoader<int, TEntity>
    where TEntity : class
{
    private readonly object _batchKey = new();

    public IDataLoaderResult<TEntity?> Load(int id) => Load(_batchKey, id, FetchAsync);

    /// <summary>Fetches directly (root lookups and <c>nodes(ids:)</c>), bypassing batching.</summary>
    public async Task<IReadOnlyDictionary<int, TEntity>> FetchAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var idArray = ids.ToArray();
        return await db.Set<TEntity>().AsNoTracking()
            .Where(e => idArray.Contains(EF.Property<int>(e, "Id")))
            .WholeRowsWithAccountShares(db)
            .ToDictionaryAsync(EntityId.Of, cancellationToken);
    }
}

public static class ByIdResolveFieldContextExtensions
{
    /// <summary>The whole <typeparamref name="TEntity"/> with this id, batched with the level's other lookups.</summary>
    public static IDataLoaderResult<TEntity?> LoadById<TEntity>(this IResolveFieldContext context, int id)
        where TEntity : class =>
        context.RequestServicesOrThrow().GetRequiredService<ByIdDataLoader<TEntity>>().Load(id);
}

/// <summary>The <c>Id</c> primary key every catalogue entity has, read without a common interface.</summary>
public static class EntityId
{
    public static int Of<TEntity>(TEntity entity) => Key<TEntity>.Getter(entity);

    /// <summary>The key as EF Core translates it (<c>e => e.id</c>).</summary>
    public static Expression<Func<TEntity, int>> Column<TEntity>() => Key<TEntity>.Column;

    private static class Key<TEntity>
    {
        public static readonly Expression<Func<TEntity, int>> Column = e => EF.Property<int>(e!, "Id");
        public static readonly Func<TEntity, int> Getter = Compile();

        private static Func<TEntity, int> Compile()
        {
            var entity = Expression.Parameter(typeof(TEntity), "e");
            return Expression.Lambda<Func<TEntity, int>>(Expression.Property(entity, "Id"), entity).Compile();
        }
    }
}
