using System.Linq.Expressions;
using System.Reflection;

using IamGraph.Api.Common.Filtering;

namespace IamGraph.Api.Common.Projection;

/// <summary>
/// <c>e => new T { Id = e.Id, Name = e.Name, ..., Service = new Service { Id = e.Service.Id, ... } }</c>: every column of the
/// entity, and the required references named, joined in. Derived from the entity, so a new column is read without editing a
/// projection; <see cref="SelectionProjection"/> narrows it to what a query selects.
/// </summary>
public static class EntityProjection
{
    public static Expression<Func<T, T>> Of<T>(IEnumerable<LambdaExpression> joinedReferences)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var bindings = Columns(typeof(T), entity);
        foreach (var reference in joinedReferences)
        {
            if (new ReplaceParameter(reference.Parameters[0], entity).Visit(reference.Body) is not MemberExpression { Member: PropertyInfo property } member
                || new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable)
            {
                // A null reference would materialize as an object of NULL columns; such references load by id instead.
                throw new ArgumentException($"'{reference}' is not a required reference of {typeof(T).Name}.", nameof(joinedReferences));
            }
            bindings.Add(Expression.Bind(property, Expression.MemberInit(Expression.New(member.Type), Columns(member.Type, member))));
        }
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), entity);
    }

    private static List<MemberBinding> Columns(Type type, Expression instance) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && IsColumn(p.PropertyType))
            .Select(p => Expression.Bind(p, Expression.Property(instance, p)))];

    private static bool IsColumn(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(TimeSpan);
    }
}
