using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

using GraphQL;

namespace IamGraph.Api.Common.Filtering;

/// <summary>
/// Turns a parsed <c>where:</c> argument into an expression tree EF Core translates to SQL:
/// relations become EXISTS subqueries, values become SQL parameters (so query plans are cached, not re-compiled per value).
/// </summary>
public static class FilterExpressionBuilder
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo Substring1 = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo Substring2 = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public static Expression<Func<T, bool>>? Build<T>(object? where, EntityFieldMap<T> map)
    {
        if (where is not IDictionary<string, object?> filter)
        {
            return null;
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Object(parameter, filter, map);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression? Object(Expression instance, IDictionary<string, object?> filter, IEntityFieldMap map)
    {
        var parts = new List<Expression>();
        foreach (var (key, value) in filter)
        {
            if (value is null)
            {
                continue;
            }
            var part = key switch
            {
                "and" => Combine(Items(value).Select(v => Object(instance, AsFilter(v), map)), Expression.AndAlso),
                "or" => Combine(Items(value).Select(v => Object(instance, AsFilter(v), map)), Expression.OrElse),
                _ => Field(instance, map.Fields.TryGetValue(key, out var field) ? field : throw Invalid($"Unknown filter field '{key}'."), AsFilter(value)),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }
        return Combine(parts, Expression.AndAlso);
    }

    private static Expression? Field(Expression instance, EntityField field, IDictionary<string, object?> filter)
    {
        var member = Access(field.Accessor, instance);
        return field.Kind switch
        {
            EntityFieldKind.Text => Operations(member, filter, field.CaseInsensitiveKey is { } key ? Access(key, instance) : Expression.Call(member, ToLower)),
            EntityFieldKind.Count or EntityFieldKind.Flag => Operations(member, filter, null),
            EntityFieldKind.Reference => Object(member, filter, field.Target!()),
            EntityFieldKind.Collection => List(member, filter, field.Target!()),
            _ => throw new InvalidOperationException(field.Kind.ToString()),
        };
    }

    /// <param name="key">The lower-cased form of a text field the case-insensitive operators compare; null for other fields.</param>
    private static Expression? Operations(Expression member, IDictionary<string, object?> filter, Expression? key)
    {
        var parts = new List<Expression>();
        foreach (var (op, value) in filter)
        {
            if (value is null && op is not ("eq" or "neq" or "eqi" or "neqi"))
            {
                continue;
            }
            Expression? part = op switch
            {
                "and" => Combine(Items(value).Select(v => Operations(member, AsFilter(v), key)), Expression.AndAlso),
                "or" => Combine(Items(value).Select(v => Operations(member, AsFilter(v), key)), Expression.OrElse),
                "eq" => Expression.Equal(member, Value(value, member.Type)),
                "neq" => Expression.NotEqual(member, Value(value, member.Type)),
                "gt" => Expression.GreaterThan(member, Value(value, member.Type)),
                "gte" => Expression.GreaterThanOrEqual(member, Value(value, member.Type)),
                "lt" => Expression.LessThan(member, Value(value, member.Type)),
                "lte" => Expression.LessThanOrEqual(member, Value(value, member.Type)),
                "contains" => Expression.Call(member, StringContains, Value(value, typeof(string))),
                "ncontains" => Expression.Not(Expression.Call(member, StringContains, Value(value, typeof(string)))),
                "startsWith" => StartsWith(member, (string)value!),
                "nstartsWith" => Expression.Not(StartsWith(member, (string)value!)),
                "endsWith" => EndsWith(member, (string)value!),
                "nendsWith" => Expression.Not(EndsWith(member, (string)value!)),
                "in" => In(member, value!),
                "nin" => Expression.Not(In(member, value!)),
                // IAM compares names ignoring case: the value is lower-cased here, the column is a NameKey (or lower()).
                "eqi" => Expression.Equal(KeyOrThrow(key, op), Value(Lower(value), typeof(string))),
                "neqi" => Expression.NotEqual(KeyOrThrow(key, op), Value(Lower(value), typeof(string))),
                "containsi" => Expression.Call(KeyOrThrow(key, op), StringContains, Value(Lower(value), typeof(string))),
                "startsWithi" => StartsWith(KeyOrThrow(key, op), Lower(value)!),
                "endsWithi" => EndsWith(KeyOrThrow(key, op), Lower(value)!),
                "ini" => In(KeyOrThrow(key, op), Items(value).Select(Lower).ToList()),
                _ => throw Invalid($"Unknown filter operation '{op}'."),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }
        return Combine(parts, Expression.AndAlso);
    }

    private static Expression? List(Expression member, IDictionary<string, object?> filter, IEntityFieldMap target)
    {
        var elementType = target.EntityType;
        var parts = new List<Expression>();
        foreach (var (op, value) in filter)
        {
            if (value is null)
            {
                continue;
            }
            if (op == "any")
            {
                var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], member);
                parts.Add((bool)value ? any : Expression.Not(any));
                continue;
            }
            var element = Expression.Parameter(elementType, "e");
            var predicate = Expression.Lambda(Object(element, AsFilter(value), target) ?? Expression.Constant(true), element);
            parts.Add(op switch
            {
                "some" => Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], member, predicate),
                "none" => Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], member, predicate)),
                "all" => Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [elementType], member, predicate),
                _ => throw Invalid($"Unknown list filter operation '{op}'."),
            });
        }
        return Combine(parts, Expression.AndAlso);
    }

    // string.StartsWith/EndsWith become LIKE on SQLite, which ignores ASCII case ("s3:" would match "S3:ListBucket").
    // Comparing a substring keeps the ordinal semantics on every provider: substr(name, 1, length(@p)) = @p.
    private static Expression StartsWith(Expression member, string value) =>
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int))),
            Expression.Equal(Expression.Call(member, Substring2, Expression.Constant(0), Value(value.Length, typeof(int))), Value(value, typeof(string))));

    private static Expression EndsWith(Expression member, string value) =>
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int))),
            Expression.Equal(
                Expression.Call(member, Substring1, Expression.Subtract(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int)))),
                Value(value, typeof(string))));

    private static string? Lower(object? value) => ((string?)value)?.ToLowerInvariant();

    private static Expression KeyOrThrow(Expression? key, string op) => key ?? throw Invalid($"'{op}' applies to text fields only.");

    private static Expression In(Expression member, object values)
    {
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in Items(values))
        {
            if (item is null && member.Type.IsValueType)
            {
                continue; // a count is never null
            }
            list.Add(Convert.ChangeType(item, member.Type, System.Globalization.CultureInfo.InvariantCulture));
        }
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], Parameter(list, listType), member);
    }

    /// <summary>A value EF Core sees as a captured variable, hence a SQL parameter rather than an inlined constant.</summary>
    private static Expression Value(object? value, Type type)
    {
        if (value is null)
        {
            return Expression.Constant(null, type);
        }
        return Parameter(Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture), type);
    }

    private static Expression Parameter(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Captured<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), nameof(Captured<int>.Value));
    }

    private sealed class Captured<TValue>(TValue value)
    {
#pragma warning disable CA1051 // a field, as a compiler-generated closure would have
        public readonly TValue Value = value;
#pragma warning restore CA1051
    }

    private static Expression Access(LambdaExpression accessor, Expression instance) =>
        new ReplaceParameter(accessor.Parameters[0], instance).Visit(accessor.Body);

    private static Expression? Combine(IEnumerable<Expression?> parts, Func<Expression, Expression, BinaryExpression> join)
    {
        Expression? result = null;
        foreach (var part in parts)
        {
            if (part is not null)
            {
                result = result is null ? part : join(result, part);
            }
        }
        return result;
    }

    private static IEnumerable<object?> Items(object? value) =>
        value is IEnumerable items and not string ? items.Cast<object?>() : throw Invalid("Expected a list.");

    private static IDictionary<string, object?> AsFilter(object? value) =>
        value as IDictionary<string, object?> ?? throw Invalid("Expected an input object.");

    private static ExecutionError Invalid(string message) => new(message) { Code = ErrorCodes.InvalidFilter };
}

/// <summary>Substitutes an accessor lambda's parameter, so one accessor works on a root row, a joined row or a navigation.</summary>
internal sealed class ReplaceParameter(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
}
