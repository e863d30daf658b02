using GraphQL;
using GraphQL.Types;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore;

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
                var rows = set(db).AsNoTracking();
                if (ctx.GetArgument<bool>("ignoreCase"))
                {
                    // Every variant of a name key shares one canonical, which is itself one of them.
                    var key = ActionName.KeyOf(name);
                    return await rows.Where(e => e.NameKey == key && e.CanonicalId == e.Id).WholeRowsWithAccountShares(db).FirstOrDefaultAsync(ctx.CancellationToken);
                }
                return await rows.Where(e => e.Name == name).WholeRowsWithAccountShares(db).FirstOrDefaultAsync(ctx.CancellationToken);
            });
    }
}
