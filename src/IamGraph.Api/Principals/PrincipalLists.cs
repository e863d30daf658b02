using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Principals;

/// <summary><c>PrincipalConnection</c>: users, groups and roles in one list, by name then ARN.</summary>
public sealed class PrincipalConnectionGraphType(ApiOptions options)
    : ConnectionGraphTypeBase<PrincipalInterfaceType, PrincipalEdgeGraphType, IPrincipal>("PrincipalConnection", options, p => p);

public sealed class PrincipalEdgeGraphType : ObjectGraphType<PageEdge<IPrincipal>>
{
    public PrincipalEdgeGraphType()
    {
        Name = "PrincipalEdge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<PrincipalInterfaceType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>Which principals of a kind belong to which parent id (a policy's holders, an action's principals; 0 for a root list).</summary>
public delegate IQueryable<Link> PrincipalLinks(CatalogDbContext db, PrincipalKind kind);

/// <summary>
/// Lists of principals of every kind (<c>principals</c>, <c>Policy.principals</c>, <c>Action.principals</c>,
/// <c>principalsGranting</c>): for all parents of a level, one statement per kind asked for, then ordered by name and ARN
/// and paged per parent in memory. Filtered by <c>kind</c> and <c>accountId</c>. Request-scoped.
/// </summary>
public sealed class PrincipalListLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options) : BatchLoader<int, Page<IPrincipal>>
{
    private static readonly PrincipalKind[] AllKinds = [PrincipalKind.User, PrincipalKind.Group, PrincipalKind.Role];

    /// <summary>The arguments of a principal list field: paging, <c>kind</c>, <c>accountId</c>.</summary>
    public static FieldBuilder<TSource, object> Arguments<TSource>(FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
        .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
        .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
        .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
        .Argument<ListGraphType<NonNullGraphType<PrincipalKindGraphType>>>("kind", "Only principals of these kinds.")
        .Argument<StringGraphType>("accountId", "Only principals of this account.");

    public static PrincipalListLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<PrincipalListLoader>();

    public IDataLoaderResult<Page<IPrincipal>?> Load(IResolveFieldContext context, int parentId, PrincipalLinks links) =>
        Load(context.FieldAst, parentId, () =>
        {
            var args = ConnectionArguments.From(context, options);
            var kinds = context.GetArgument<List<PrincipalKind>?>("kind") is { Count: > 0 } asked ? asked.Distinct().ToArray() : AllKinds;
            var accountId = context.GetArgument<string?>("accountId");
            return (ids, ct) => FetchAsync(links, [.. ids], kinds, accountId, args, ct);
        });

    private async Task<IReadOnlyDictionary<int, Page<IPrincipal>>> FetchAsync(
        PrincipalLinks links, int[] parentIds, PrincipalKind[] kinds, string? accountId, ConnectionArguments args, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = new List<(int ParentId, IPrincipal Principal)>();
        foreach (var kind in kinds)
        {
            var pairs = links(db, kind).Where(l => parentIds.Contains(l.ParentId)).Select(l => new { l.ParentId, l.NodeId }).Distinct();
            switch (kind)
            {
                case PrincipalKind.User:
                    rows.AddRange((await (from p in pairs join u in db.Users on p.NodeId equals u.Id where accountId == null || u.AccountId == accountId select new { p.ParentId, u })
                        .ToListAsync(cancellationToken)).Select(r => (r.ParentId, (IPrincipal)r.u)));
                    break;
                case PrincipalKind.Group:
                    rows.AddRange((await (from p in pairs join g in db.Groups on p.NodeId equals g.Id where accountId == null || g.AccountId == accountId select new { p.ParentId, g })
                        .ToListAsync(cancellationToken)).Select(r => (r.ParentId, (IPrincipal)r.g)));
                    break;
                default:
                    rows.AddRange((await (from p in pairs join r in db.Roles on p.NodeId equals r.Id where accountId == null || r.AccountId == accountId select new { p.ParentId, r })
                        .ToListAsync(cancellationToken)).Select(r => (r.ParentId, (IPrincipal)r.r)));
                    break;
            }
        }
        var byParent = rows.ToLookup(r => r.ParentId, r => r.Principal);
        return parentIds.ToDictionary(id => id, id => Page.FromList(
            [.. byParent[id].OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Arn, StringComparer.Ordinal).ThenBy(p => p.Kind)],
            args, options.DefaultPageSize));
    }
}
