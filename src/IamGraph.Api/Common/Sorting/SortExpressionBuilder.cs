using System.Collections;
using System.Linq.Expressions;

using GraphQL;

using IamGraph.Api.Common.Filtering;

namespace IamGraph.Api.Common.Sorting;

/// <summary>
/// Applies <c>order: [{ field: ASC|DESC }]</c> to a query, then the default order (name ordinal, id) as the tie-breaker,
/// so every page boundary is deterministic. Works on rows that are the node or that carry it (joined parent/node rows).
/// </summary>
public static class SortExpressionBuilder
{
    public static IQueryable<TNode> Apply<TNode>(IQueryable<TNode> source, object? order, EntityFieldMap<TNode> map) =>
        Apply(source, (Expression<Func<TNode, TNode>>)(n => n), order, map);

    public static IQueryable<TRow> Apply<TRow, TNode>(IQueryable<TRow> source, Expression<Func<TRow, TNode>> node, object? order, EntityFieldMap<TNode> map)
    {
        var keys = new List<(LambdaExpression Key, bool Descending, bool Nullable)>();
        if (order is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is not IDictionary<string, object?> fields)
                {
                    continue;
                }
                foreach (var (name, direction) in fields)
                {
                    if (direction is null)
                    {
                        continue;
                    }
                    if (!map.Fields.TryGetValue(name, out var field) || !field.Sortable)
                    {
                        throw new ExecutionError($"Cannot sort by '{name}'.") { Code = ErrorCodes.InvalidFilter };
                    }
                    keys.Add((field.Accessor, direction is SortEnumType.Desc || "DESC".Equals(direction as string, StringComparison.Ordinal), field.Nullable));
                }
            }
        }
        foreach (var key in map.DefaultOrder)
        {
            keys.Add((key, false, false));
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
        foreach (var (key, descending, nullable) in keys)
        {
            var body = new ReplaceParameter(key.Parameters[0], node.Body).Visit(key.Body);
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
}
