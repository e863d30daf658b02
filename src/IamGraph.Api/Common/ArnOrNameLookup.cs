using GraphQL;
using GraphQL.Types;
using IamGraph.Api.Common.Authorization;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Api.Common;

/// <summary>The `policy(arn:, name:, ignoreCase:)` shape of lookup, shared by every entity identified by ARN.</summary>
public static class ArnOrNameLookup
{
    public static void AddArnOrNameLookup<TGraphType, TEntity>(this ObjectGraphType query, string field, string noun, Func<CatalogDbContext, IQueryable<TEntity>> set)
        where TGraphType : IGraphType
        where TEntity : class, IArnIdentified
    {
        query.Field<TGraphType>(field)
            .Description($"One {noun} by ARN, or by exact name (the first by id if several share it); `ignoreCase: true` compares the name ignoring case.")
            .Argument<StringGraphType>("arn")
            .Argument<StringGraphType>("name")
            .Argument<BooleanGraphType>("ignoreCase", "Compare the name ignoring case (the ARN stays exact).", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var arn = ctx.GetArgument<string?>("arn");
                var name = ctx.GetArgument<string?>("name");
                if (arn is null && name is null)
                {
                    return null;
                }
                if ((arn is not null && !StorableText.IsStorable(arn)) || (name is not null && !StorableText.IsStorable(name)))
                {
                    return null; // no stored ARN or name can hold it
                }
                await using var db = await ctx.CreateDbContextAsync();
                var rows = set(db).AsNoTracking();
                if (arn is not null)
                {
                    rows = rows.Where(e => e.Arn == arn);
                }
                if (name is not null)
                {
                    var nameKey = name.ToLowerInvariant();
                    rows = ctx.GetArgument<bool>("ignoreCase") ? rows.Where(e => e.NameKey == nameKey) : rows.Where(e => e.Name == name);
                }
                return await rows.OrderBy(e => e.Id).WholeRowsWithAccountShares(db).FirstOrDefaultAsync(ctx.CancellationToken);
            });
    }
}
