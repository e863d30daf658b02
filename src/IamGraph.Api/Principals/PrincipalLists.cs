using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Sorting;
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

/// <summary>One principal of a list as SQL reads it: the columns the three kinds share, so one UNION ALL filters, sorts and pages them.</summary>
public sealed class PrincipalRow
{
    public int ParentId { get; init; }
    public PrincipalKind Kind { get; init; }
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string NameKey { get; init; }
    public required string Arn { get; init; }
    public required string Path { get; init; }
    public string? AccountId { get; init; }
    public bool Incomplete { get; init; }
    public int PolicyCount { get; init; }
    public int EffectiveActionCount { get; init; }
}

/// <summary>What <c>PrincipalFilterInput</c> and <c>PrincipalSortInput</c> offer; by name, then ARN, then kind (USER, GROUP, ROLE) unless ordered otherwise.</summary>
public static class PrincipalRowFilterAndSort
{
    public static EntityFieldMap<PrincipalRow> Map { get; } = new EntityFieldMap<PrincipalRow>(
            r => r.Id, new DefaultSortKey((Expression<Func<PrincipalRow, string>>)(r => r.Name)), new DefaultSortKey((Expression<Func<PrincipalRow, string>>)(r => r.Arn)),
            new DefaultSortKey((Expression<Func<PrincipalRow, PrincipalKind>>)(r => r.Kind)))
        .Columns(r => r.Name, r => r.Arn, r => r.Path, r => r.AccountId, r => r.Incomplete, r => r.PolicyCount, r => r.EffectiveActionCount);
}

public sealed class PrincipalFilterInputType() : FilterInputGraphType("Principal", PrincipalRowFilterAndSort.Map);

public sealed class PrincipalSortInputType() : Common.Sorting.SortInputGraphType("Principal", PrincipalRowFilterAndSort.Map);

/// <summary>
/// Lists of principals of every kind (<c>principals</c>, <c>Policy.principals</c>, <c>Action.principals</c>,
/// <c>principalsGranting</c>) in SQL: the kinds asked for as one UNION ALL of <see cref="PrincipalRow"/>s, filtered by
/// <c>where</c>, <c>kind</c> and <c>accountId</c>, ordered by <c>order</c> (then name, ARN, kind, id) and paged per parent by the
/// database (<see cref="PerParentPage"/>); <c>totalCount</c> is a COUNT ... GROUP BY run only when selected. Then the page's
/// users, groups and roles, one statement per kind on the page. Request-scoped.
/// </summary>
public sealed class PrincipalListLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options) : BatchLoader<int, Page<IPrincipal>>
{
    private static readonly PrincipalKind[] AllKinds = [PrincipalKind.User, PrincipalKind.Group, PrincipalKind.Role];

    /// <summary>The arguments of a principal list field: paging, <c>where</c>, <c>order</c>, <c>kind</c>, <c>accountId</c>.</summary>
    public static FieldBuilder<TSource, object> Arguments<TSource>(FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
        .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
        .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
        .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
        .Argument<PrincipalFilterInputType>("where")
        .Argument<ListGraphType<NonNullGraphType<PrincipalSortInputType>>>("order")
        .Argument<ListGraphType<NonNullGraphType<PrincipalKindGraphType>>>("kind", "Only principals of these kinds.")
        .Argument<StringGraphType>("accountId", "Only principals of this account.");

    public static PrincipalListLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<PrincipalListLoader>();

    /// <param name="parents">The table the parent ids come from (policies, actions), so several parents page in one statement; null for a root list (parent 0).</param>
    public IDataLoaderResult<Page<IPrincipal>?> Load(IResolveFieldContext context, int parentId, PrincipalLinks links, Func<CatalogDbContext, IQueryable<int>>? parents = null) =>
        Load(context.FieldAst, parentId, () =>
        {
            var args = ConnectionArguments.From(context, options);
            var kinds = context.GetArgument<List<PrincipalKind>?>("kind") is { Count: > 0 } asked ? asked.Distinct().ToArray() : AllKinds;
            var accountId = context.GetArgument<string?>("accountId");
            var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), PrincipalRowFilterAndSort.Map);
            var order = SortKeys.Read(context);
            return (ids, ct) => FetchAsync(links, parents, [.. ids], kinds, accountId, filter, order, args, ct);
        });

    private async Task<IReadOnlyDictionary<int, Page<IPrincipal>>> FetchAsync(
        PrincipalLinks links,
        Func<CatalogDbContext, IQueryable<int>>? parents,
        int[] parentIds,
        PrincipalKind[] kinds,
        string? accountId,
        Expression<Func<PrincipalRow, bool>>? filter,
        IReadOnlyList<SortKey> order,
        ConnectionArguments args,
        CancellationToken cancellationToken)
    {
        IQueryable<PrincipalRow> Rows(CatalogDbContext db)
        {
            var rows = kinds.Select(kind => parents is null ? RootRowsOf(db, links, kind) : RowsOf(db, links, kind, parentIds)).Aggregate(Queryable.Concat);
            if (accountId is not null)
            {
                // No stored account id holds a NUL or an unpaired surrogate (PostgreSQL would reject the parameter).
                rows = StorableText.IsStorable(accountId) ? rows.Where(r => r.AccountId == accountId) : rows.Where(r => false);
            }
            return filter is null ? rows : rows.Where(filter);
        }
        IQueryable<PrincipalRow> Sorted(IQueryable<PrincipalRow> rows) => SortExpressionBuilder.Apply(rows, order, PrincipalRowFilterAndSort.Map);

        async Task<Dictionary<int, int>> CountAsync(CancellationToken ct)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await Rows(db).GroupBy(r => r.ParentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }
        var counts = new LazyCounts(CountAsync);
        var windows = await PerParentPage.WindowsAsync(args, options.DefaultPageSize, parentIds, counts, cancellationToken);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pageRows = new List<(PageWindow Window, PrincipalRow Row)>();
        foreach (var same in windows.GroupBy(w => w.Value, w => w.Key))
        {
            var window = same.Key;
            if (window.Length == 0)
            {
                continue;
            }
            int[] ids = [.. same];
            var page = parents is null || ids.Length == 1
                ? Sorted(Rows(db).Where(r => ids.Contains(r.ParentId))).Skip(window.Start).Take(window.Length + 1)
                : Sorted(parents(db).Where(id => ids.Contains(id)).SelectMany(PerParentPage.Of(Rows(db), r => r.ParentId, Sorted, window)));
            pageRows.AddRange((await page.Select(r => new PrincipalRow
            {
                ParentId = r.ParentId,
                Kind = r.Kind,
                Id = r.Id,
                Name = r.Name,
                NameKey = r.NameKey,
                Arn = r.Arn,
                Path = r.Path,
                AccountId = r.AccountId,
            }).ToListAsync(cancellationToken)).Select(r => (window, r)));
        }

        // The page's principals, one statement per kind on it.
        var principals = new Dictionary<(PrincipalKind, int), IPrincipal>();
        foreach (var kind in pageRows.GroupBy(r => r.Row.Kind))
        {
            int[] ids = [.. kind.Select(r => r.Row.Id).Distinct()];
            IEnumerable<IPrincipal> loaded = kind.Key switch
            {
                PrincipalKind.User => await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken),
                PrincipalKind.Group => await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToListAsync(cancellationToken),
                _ => await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken),
            };
            foreach (var principal in loaded)
            {
                principals[(kind.Key, principal.Id)] = principal;
            }
        }

        var byParent = pageRows.ToLookup(r => r.Row.ParentId);
        return parentIds.ToDictionary(id => id, id =>
        {
            var window = windows[id];
            var rows = byParent[id].Select(r => principals[(r.Row.Kind, r.Row.Id)]).ToList();
            return Page.FromWindow(rows, window, async ct => (await counts.GetAsync(ct)).GetValueOrDefault(id));
        });
    }

    /// <summary>
    /// A root list (parent 0): the principals of the kind that have a link, as EXISTS per principal. The database can then walk
    /// principals in name order and stop at the page's end (who can pass a role: 2 ms instead of joining 10,000 principals' grants first).
    /// </summary>
    private static IQueryable<PrincipalRow> RootRowsOf(CatalogDbContext db, PrincipalLinks links, PrincipalKind kind) => kind switch
    {
        PrincipalKind.User => from u in db.Users
                              where links(db, kind).Any(l => l.NodeId == u.Id)
                              select new PrincipalRow
                              {
                                  ParentId = 0,
                                  Kind = PrincipalKind.User,
                                  Id = u.Id,
                                  Name = u.Name,
                                  NameKey = u.NameKey,
                                  Arn = u.Arn,
                                  Path = u.Path,
                                  AccountId = u.AccountId,
                                  Incomplete = u.Incomplete,
                                  PolicyCount = u.PolicyCount,
                                  EffectiveActionCount = u.EffectiveActionCount,
                              },
        PrincipalKind.Group => from g in db.Groups
                               where links(db, kind).Any(l => l.NodeId == g.Id)
                               select new PrincipalRow
                               {
                                   ParentId = 0,
                                   Kind = PrincipalKind.Group,
                                   Id = g.Id,
                                   Name = g.Name,
                                   NameKey = g.NameKey,
                                   Arn = g.Arn,
                                   Path = g.Path,
                                   AccountId = g.AccountId,
                                   Incomplete = g.Incomplete,
                                   PolicyCount = g.PolicyCount,
                                   EffectiveActionCount = g.EffectiveActionCount,
                               },
        _ => from r in db.Roles
             where links(db, kind).Any(l => l.NodeId == r.Id)
             select new PrincipalRow
             {
                 ParentId = 0,
                 Kind = PrincipalKind.Role,
                 Id = r.Id,
                 Name = r.Name,
                 NameKey = r.NameKey,
                 Arn = r.Arn,
                 Path = r.Path,
                 AccountId = r.AccountId,
                 Incomplete = r.Incomplete,
                 PolicyCount = r.PolicyCount,
                 EffectiveActionCount = r.EffectiveActionCount,
             },
    };

    /// <summary>The distinct principals of one kind linked to the parents, as rows.</summary>
    private static IQueryable<PrincipalRow> RowsOf(CatalogDbContext db, PrincipalLinks links, PrincipalKind kind, int[] parentIds)
    {
        var pairs = links(db, kind).Where(l => parentIds.Contains(l.ParentId)).Select(l => new { l.ParentId, l.NodeId }).Distinct();
        return kind switch
        {
            PrincipalKind.User => from p in pairs
                                  join u in db.Users on p.NodeId equals u.Id
                                  select new PrincipalRow
                                  {
                                      ParentId = p.ParentId,
                                      Kind = PrincipalKind.User,
                                      Id = u.Id,
                                      Name = u.Name,
                                      NameKey = u.NameKey,
                                      Arn = u.Arn,
                                      Path = u.Path,
                                      AccountId = u.AccountId,
                                      Incomplete = u.Incomplete,
                                      PolicyCount = u.PolicyCount,
                                      EffectiveActionCount = u.EffectiveActionCount,
                                  },
            PrincipalKind.Group => from p in pairs
                                   join g in db.Groups on p.NodeId equals g.Id
                                   select new PrincipalRow
                                   {
                                       ParentId = p.ParentId,
                                       Kind = PrincipalKind.Group,
                                       Id = g.Id,
                                       Name = g.Name,
                                       NameKey = g.NameKey,
                                       Arn = g.Arn,
                                       Path = g.Path,
                                       AccountId = g.AccountId,
                                       Incomplete = g.Incomplete,
                                       PolicyCount = g.PolicyCount,
                                       EffectiveActionCount = g.EffectiveActionCount,
                                   },
            _ => from p in pairs
                 join r in db.Roles on p.NodeId equals r.Id
                 select new PrincipalRow
                 {
                     ParentId = p.ParentId,
                     Kind = PrincipalKind.Role,
                     Id = r.Id,
                     Name = r.Name,
                     NameKey = r.NameKey,
                     Arn = r.Arn,
                     Path = r.Path,
                     AccountId = r.AccountId,
                     Incomplete = r.Incomplete,
                     PolicyCount = r.PolicyCount,
                     EffectiveActionCount = r.EffectiveActionCount,
                 },
        };
    }
}
