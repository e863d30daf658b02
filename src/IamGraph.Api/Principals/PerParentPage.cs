using System.Linq.Expressions;

using IamGraph.Api.Common.Paging;

namespace IamGraph.Api.Principals;

/// <summary>
/// One page per parent in ONE statement: <c>parentIds.SelectMany(id => rows.Where(parent == id).OrderBy(...).Skip(s).Take(n + 1))</c>,
/// which EF Core turns into ROW_NUMBER() OVER (PARTITION BY parent) (a LATERAL join on PostgreSQL): the database cuts the pages,
/// so a parent with 22,000 rows sends 51. The order is built by the shared sort builder over a placeholder parent id, which then
/// becomes the correlated lambda's parameter. One look-ahead row per parent tells hasNextPage.
/// </summary>
public static class PerParentPage
{
    private static readonly System.Reflection.PropertyInfo SlotId = typeof(ParentSlot).GetProperty(nameof(ParentSlot.Id))!;

    /// <param name="rows">The rows of every parent.</param>
    /// <param name="parentOf">The parent id of a row.</param>
    /// <param name="order">Orders one parent's rows (the connection's order, ending with a unique key).</param>
    public static Expression<Func<int, IEnumerable<TRow>>> Of<TRow>(
        IQueryable<TRow> rows, Expression<Func<TRow, int>> parentOf, Func<IQueryable<TRow>, IQueryable<TRow>> order, PageWindow window)
    {
        var slot = new ParentSlot();
        var slotId = Expression.Property(Expression.Constant(slot), SlotId);
        var isParent = Expression.Lambda<Func<TRow, bool>>(Expression.Equal(parentOf.Body, slotId), parentOf.Parameters);
        var page = order(rows.Where(isParent)).Skip(window.Start).Take(window.Length + 1);
        var parentId = Expression.Parameter(typeof(int), "parentId");
        return Expression.Lambda<Func<int, IEnumerable<TRow>>>(new SlotToParameter(slot, parentId).Visit(page.Expression), parentId);
    }

    /// <summary>
    /// Each parent's window: one shared window, unless <c>last</c> counts back from each parent's own end (also after
    /// <c>first</c>: the real end may come before first's), which needs the counts.
    /// </summary>
    public static async Task<Dictionary<int, PageWindow>> WindowsAsync(
        ConnectionArguments args, int defaultPageSize, IEnumerable<int> parentIds, LazyCounts counts, CancellationToken cancellationToken)
    {
        var windows = new Dictionary<int, PageWindow>();
        if (args.Last is null && PageWindow.Compute(args, defaultPageSize, null) is { } shared)
        {
            foreach (var id in parentIds)
            {
                windows[id] = shared;
            }
            return windows;
        }
        var perParent = await counts.GetAsync(cancellationToken);
        foreach (var id in parentIds)
        {
            windows[id] = PageWindow.Compute(args, defaultPageSize, perParent.GetValueOrDefault(id))!.Value;
        }
        return windows;
    }

    /// <summary>Stands for the correlated parent id while the page query is built.</summary>
    private sealed class ParentSlot
    {
        public int Id { get; init; }
    }

    private sealed class SlotToParameter(ParentSlot slot, ParameterExpression parameter) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Member == SlotId && node.Expression is ConstantExpression { Value: var value } && ReferenceEquals(value, slot) ? parameter : base.VisitMember(node);
    }
}

/// <summary>Rows per parent for every parent of a level: one COUNT ... GROUP BY, run at most once and only when asked for.</summary>
public sealed class LazyCounts(Func<CancellationToken, Task<Dictionary<int, int>>> count)
{
    private readonly Lock _gate = new();
    private Task<Dictionary<int, int>>? _counting;

    public Task<Dictionary<int, int>> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _counting ??= count(cancellationToken);
        }
    }
}
