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
