using System.Linq.Expressions;

using GraphQL;

using IamGraph.Api.Common.Filtering;

namespace IamGraph.Api.Common.Sorting;

/// <summary>
/// Applies <c>order:</c> (read by <see cref="SortKeys"/>, in the order written) to a query, then the default order (name
/// ordinal, id) as the tie-breaker, so every page boundary is deterministic. Works on rows that are the node or that carry it
/// (joined parent/node rows); a key through a reference (<c>{ service: { name: ASC } }</c>) sorts by the referenced row's column.
/// </summary>
public static class SortExpressionBuilder
{
    public static IQueryable<TNode> Apply<TNode>(IQueryable<TNode> source, IReadOnlyList<SortKey> order, EntityFieldMap<TNode> map) =>
        Apply(source, (Expression<Func<TNode, TNode>>)(n => n), order, map);

    public static IQueryable<TRow> Apply<TRow, TNode>(IQueryable<TRow> source, Expression<Func<TRow, TNode>> node, IReadOnlyList<SortKey> order, EntityFieldMap<TNode> map)
    {
        var keys = new List<(Expression Body, bool Descending, bool Nullable)>();
        foreach (var key in order)
        {
            keys.Add(Resolve(node.Body, key, map));
        }
        foreach (var (key, descending) in map.DefaultOrder)
        {
            keys.Add((new ReplaceParameter(key.Parameters[0], node.Body).Visit(key.Body), descending, false));
        }

        var expression = source.Expression;
        var first = true;
        void OrderBy(Expression body, bool descending)
        {
            var lambda = Expression.Lambda(body, node.Parameters[0]);
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(TRow), body.Type], expression, Expression.Quote(lambda));
            first = false;
        }
        foreach (var (body, descending, nullable) in keys)
        {
            if (nullable)
            {
                // SQLite sorts NULL below every value, PostgreSQL above. Ordering by "has a value" first makes both (and .NET's
                // comparers) put NULLs first ascending and last descending.
                OrderBy(Expression.NotEqual(body, Expression.Constant(null, body.Type)), descending);
            }
            OrderBy(body, descending);
        }
        return source.Provider.CreateQuery<TRow>(expression);
    }

    /// <summary>The column a key's path leads to, read from <paramref name="instance"/> through the references on the way.</summary>
    private static (Expression Body, bool Descending, bool Nullable) Resolve(Expression instance, SortKey key, IEntityFieldMap map)
    {
        var body = instance;
        for (var i = 0; i < key.Path.Count; i++)
        {
            var last = i == key.Path.Count - 1;
            if (!map.Fields.TryGetValue(key.Path[i], out var field) || !field.Sortable || (field.Kind == EntityFieldKind.Reference) == last)
            {
                throw new ExecutionError($"Cannot sort by '{string.Join(".", key.Path)}'.") { Code = ErrorCodes.InvalidFilter };
            }
            body = new ReplaceParameter(field.Accessor.Parameters[0], body).Visit(field.Accessor.Body);
            if (last)
            {
                return (body, key.Descending, field.Nullable);
            }
            map = field.Target!();
        }
        throw new ExecutionError("An empty sort key.") { Code = ErrorCodes.InvalidFilter };
    }
}
