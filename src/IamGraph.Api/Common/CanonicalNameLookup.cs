using GraphQL;
using GraphQL.Types;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IamGraph.Api.Common;

/// <summary>The `action(name:, ignoreCase:)` shape of lookup, shared by the names IAM reads case-insensitively.</summary>
public static class CanonicalNameLookup
{
    public static void AddCanonicalNameLookup<TGraphType, TEntity>(
        this ObjectGraphType query, string field, string description, string ignoreCaseDescription, Func<CatalogDbContext, IQueryable<TEntity>> set)
        where TGraphType : IGraphType
        where TEntity : class, ICaseVariant
    {
        query.Field<TGraphType>(field)
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<BooleanGraphType>("ignoreCase", ignoreCaseDescription, a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var name = ctx.GetArgument<string>("name");
                if (!StorableText.IsStorable(name))
                {
                    return null; // no stored name can hold it
                }
                await using var db = await ctx.CreateDbContextAsync();
                var ignoreCase = ctx.GetArgument<bool>("ignoreCase");
                // The public scope reads rows as stored: the same two queries every time, run compiled.
                if (db.AccountScope == AccountScope.Public && CompiledLookups<TEntity>.For(db.Model) is { } compiled)
                {
                    return ignoreCase
                        ? await compiled.Canonical(db, ActionName.KeyOf(name), ctx.CancellationToken)
                        : await compiled.ByName(db, name, ctx.CancellationToken);
                }
                var rows = set(db).AsNoTracking();
                if (ignoreCase)
                {
                    // Every variant of a name key shares one canonical, which is itself one of them.
                    var key = ActionName.KeyOf(name);
                    return await rows.Where(e => e.NameKey == key && e.CanonicalId == e.Id).WholeRowsWithAccountShares(db).FirstOrDefaultAsync(ctx.CancellationToken);
                }
                return await rows.Where(e => e.Name == name).WholeRowsWithAccountShares(db).FirstOrDefaultAsync(ctx.CancellationToken);
            });
    }

    /// <summary>
    /// The lookups of <typeparamref name="TEntity"/> as EF Core compiled queries (<c>Set&lt;TEntity&gt;()</c> is what each feature's
    /// set reads), per model: a compiled query runs against the one model it was compiled for (one per engine). Null past a
    /// few models (tests build many), for the lookup as built.
    /// </summary>
    private sealed record CompiledLookups<TEntity>(
        Func<CatalogDbContext, string, CancellationToken, Task<TEntity?>> ByName,
        Func<CatalogDbContext, string, CancellationToken, Task<TEntity?>> Canonical)
        where TEntity : class, ICaseVariant
    {
        private static readonly BoundedCache<IModel, CompiledLookups<TEntity>> ByModel = new(8);

        public static CompiledLookups<TEntity>? For(IModel model) => ByModel.GetOrAddIfRoom(model, _ => new(
            EF.CompileAsyncQuery((CatalogDbContext db, string name, CancellationToken _) =>
                db.Set<TEntity>().AsNoTracking().Where(e => e.Name == name).FirstOrDefault()),
            // Every variant of a name key shares one canonical, which is itself one of them.
            EF.CompileAsyncQuery((CatalogDbContext db, string key, CancellationToken _) =>
                db.Set<TEntity>().AsNoTracking().Where(e => e.NameKey == key && e.CanonicalId == e.Id).FirstOrDefault())));
    }
}
