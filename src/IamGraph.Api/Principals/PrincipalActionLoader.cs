using System.Linq.Expressions;

using GraphQL;
using GraphQL.DataLoader;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Projection;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Principals;

/// <summary>
/// <c>principal.effectiveActions</c>, paged in SQL: a principal holding AdministratorAccess has 22,000+ effective actions,
/// so unlike other nested connections its rows are not all loaded to be sliced in memory. Per level: ONE statement reads
/// the page of every parent (a correlated LIMIT/OFFSET that EF Core turns into ROW_NUMBER() OVER (PARTITION BY principal)),
/// and one more counts per principal when <c>totalCount</c> is selected or <c>last</c> counts back from the end (then one
/// statement per distinct window, at most one per parent). Request-scoped.
/// </summary>
public sealed class PrincipalActionLoader(IDbContextFactory<CatalogDbContext> factory, ApiOptions options) : BatchLoader<int, Page<PrincipalActionItem>>
{
    public static PrincipalActionLoader Of(IResolveFieldContext context) => context.RequestServicesOrThrow().GetRequiredService<PrincipalActionLoader>();

    public IDataLoaderResult<Page<PrincipalActionItem>?> Load<TPrincipal>(IResolveFieldContext context, Relation<TPrincipal, Action, PrincipalActionItem> relation, PrincipalKind kind, int parentId) =>
        Load((relation, context.FieldAst), parentId, () =>
        {
            var nodes = relation.Nodes;
            var args = ConnectionArguments.From(context, options);
            var filter = FilterExpressionBuilder.Build(context.GetArgument<object?>("where"), nodes);
            var order = SortKeys.Read(context);
            var projection = SelectionProjection.ForConnection(context, nodes.Projection);
            return (ids, ct) => FetchAsync(relation, kind, [.. ids], args, filter, order, projection, ct);
        });

    private async Task<IReadOnlyDictionary<int, Page<PrincipalActionItem>>> FetchAsync<TPrincipal>(
        Relation<TPrincipal, Action, PrincipalActionItem> relation,
        PrincipalKind kind,
        int[] parentIds,
        ConnectionArguments args,
        Expression<Func<Action, bool>>? filter,
        IReadOnlyList<SortKey> order,
        Expression<Func<Action, Action>> projection,
        CancellationToken cancellationToken)
    {
        IQueryable<ParentLink<Action>> Links(CatalogDbContext db)
        {
            var actions = db.Actions.AsNoTracking();
            return relation.Links(db, filter is null ? actions : actions.Where(filter), parentIds);
        }

        async Task<Dictionary<int, int>> CountAsync(CancellationToken ct)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await Links(db).GroupBy(l => l.ParentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }
        var counts = new LazyCounts(CountAsync);
        var windows = await PerParentPage.WindowsAsync(args, options.DefaultPageSize, parentIds, counts, cancellationToken);

        var pages = new Dictionary<int, Page<PrincipalActionItem>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var same in windows.GroupBy(w => w.Value, w => w.Key))
        {
            var window = same.Key;
            int[] ids = [.. same];
            var rows = window.Length == 0
                ? []
                : await SortExpressionBuilder.Apply(
                        ParentIds(db, kind, ids).SelectMany(PerParentPage.Of(Links(db), l => l.ParentId, page => SortExpressionBuilder.Apply(page, l => l.Node, order, relation.Nodes), window)),
                        l => l.Node, order, relation.Nodes)
                    .Select(ProjectLink(projection))
                    .ToListAsync(cancellationToken);
            var byParent = rows.ToLookup(r => r.ParentId);
            foreach (var id in ids)
            {
                var parent = id;
                pages[id] = Page.FromWindow([.. byParent[id].Select(relation.Item)], window, async ct => (await counts.GetAsync(ct)).GetValueOrDefault(parent));
            }
        }
        return pages;
    }

    /// <summary>The ids of the principals asked for, from their own table (so the page statement starts from them).</summary>
    private static IQueryable<int> ParentIds(CatalogDbContext db, PrincipalKind kind, int[] ids) => kind switch
    {
        PrincipalKind.User => db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id),
        PrincipalKind.Group => db.Groups.Where(g => ids.Contains(g.Id)).Select(g => g.Id),
        _ => db.Roles.Where(r => ids.Contains(r.Id)).Select(r => r.Id),
    };

    private static Expression<Func<ParentLink<Action>, ParentLink<Action>>> ProjectLink(Expression<Func<Action, Action>> projection)
    {
        var link = Expression.Parameter(typeof(ParentLink<Action>), "l");
        var node = new ReplaceParameter(projection.Parameters[0], Expression.Property(link, nameof(ParentLink<Action>.Node))).Visit(projection.Body);
        var type = typeof(ParentLink<Action>);
        return Expression.Lambda<Func<ParentLink<Action>, ParentLink<Action>>>(
            Expression.MemberInit(
                Expression.New(type),
                Expression.Bind(type.GetProperty(nameof(ParentLink<Action>.ParentId))!, Expression.Property(link, nameof(ParentLink<Action>.ParentId))),
                Expression.Bind(type.GetProperty(nameof(ParentLink<Action>.Node))!, node)),
            link);
    }
}
