using System.Linq.Expressions;
using System.Reflection;

using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Catalog;

/// <summary>
/// Stored counts on public rows count public rows only (the import stores what an import without account files gives);
/// a caller who sees accounts gets the visible accounts' share added at query time. One declaration per count: the stored
/// column and its account share, a subquery over account-owned rows that the account query filter narrows to the
/// caller's accounts. <see cref="Apply{T}"/> rewrites a query's every read of such a column (projection, <c>where:</c>,
/// <c>order:</c>) to <c>column + share</c>, and leaves a public-scope query untouched (no subquery, the same SQL).
/// </summary>
public static class AccountShares
{
    private static readonly Dictionary<PropertyInfo, LambdaExpression> Shares = new()
    {
        [Property<Action>(a => a.PolicyCount)] = Share<Action>(a => a.Policies.Count(p => p.AccountId != null)),
        [Property<Action>(a => a.RoleCount)] = Share<Action>(a => a.Roles.Count(r => r.AccountId != null)),
        [Property<Action>(a => a.GrantedByCount)] = Share<Action>(a => a.GrantedBy.Count(p => p.AccountId != null)),
        [Property<Service>(s => s.PolicyCount)] = Share<Service>(s => s.Policies.Count(p => p.AccountId != null)),
        [Property<Service>(s => s.RoleCount)] = Share<Service>(s => s.Roles.Count(r => r.AccountId != null)),
        [Property<Policy>(p => p.RoleCount)] = Share<Policy>(p => p.Roles.Count(r => r.AccountId != null)),
    };

    /// <summary>Whether some stored count of <paramref name="entity"/> has an account share.</summary>
    public static bool Has(Type entity) => Shares.Keys.Any(p => p.DeclaringType == entity);

    /// <summary>The query with every shared count read as stored + visible accounts' share; the query itself for <see cref="AccountScope.Public"/>.</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, AccountScope scope) =>
        scope == AccountScope.Public ? query : query.Provider.CreateQuery<T>(new AddShares().Visit(query.Expression));

    /// <summary>An expression (a projection, a filter) with the shares added, for callers that compose it themselves.</summary>
    public static Expression<TDelegate> Apply<TDelegate>(Expression<TDelegate> expression, AccountScope scope) =>
        scope == AccountScope.Public ? expression : (Expression<TDelegate>)new AddShares().Visit(expression);

    private static PropertyInfo Property<T>(Expression<Func<T, int>> column) => (PropertyInfo)((MemberExpression)column.Body).Member;

    private static LambdaExpression Share<T>(Expression<Func<T, int>> share) => share;

    private sealed class AddShares : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            var visited = (MemberExpression)base.VisitMember(node);
            if (visited.Member is PropertyInfo property && visited.Expression is { } instance && Shares.TryGetValue(Declared(property), out var share))
            {
                // The share's body is built over its own parameter, never over a shared column: no recursion.
                return Expression.Add(visited, new Substitute(share.Parameters[0], instance).Visit(share.Body));
            }
            return visited;
        }

        private static PropertyInfo Declared(PropertyInfo property) =>
            property.DeclaringType == property.ReflectedType ? property : property.DeclaringType!.GetProperty(property.Name)!;
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
