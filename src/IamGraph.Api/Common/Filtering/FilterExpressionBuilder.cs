using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

using GraphQL;

using IamGraph.Api.Common.Relay;

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
    private static readonly Expression True = Expression.Constant(true);
    private static readonly Expression False = Expression.Constant(false);

    /// <summary>Stands for a global id no row has; <see cref="IsEqual"/> makes it false.</summary>
    private static readonly object NoKey = new();

    public static Expression<Func<T, bool>>? Build<T>(object? where, EntityFieldMap<T> map)
    {
        if (where is not IDictionary<string, object?> filter)
        {
            return null;
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Object(parameter, filter, map);
        return IsConstant(body, true) ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    // Every level returns a condition, never "nothing": an empty object ({} as the where, an and/or item, a field's
    // operations or a some/none/all predicate) is the empty conjunction, true, so it matches everything wherever it stands
    // (dropping it instead made or: [{ ... }, {}] narrower than its first branch). The lists follow the same logic:
    // and: [] is the empty conjunction (true) and or: [] the empty disjunction (false, like in: []), so adding a branch to
    // an or never narrows it. HotChocolate drops empty objects and treats both empty lists as no filter; we do not.
    // and/or given as null are left out, as HotChocolate does.
    private static Expression Object(Expression instance, IDictionary<string, object?> filter, IEntityFieldMap map)
    {
        Expression result = True;
        foreach (var (key, value) in filter)
        {
            var part = key switch
            {
                "and" => value is null ? True : All(Items(value).Select(v => Object(instance, AsFilter(v), map))),
                "or" => value is null ? True : Any(Items(value).Select(v => Object(instance, AsFilter(v), map))),
                _ => Field(
                    instance,
                    map.Fields.TryGetValue(key, out var field) ? field : throw Invalid($"Unknown filter field '{key}'."),
                    AsFilter(value ?? throw NullNotAccepted(key))),
            };
            result = And(result, part);
        }
        return result;
    }

    private static Expression Field(Expression instance, EntityField field, IDictionary<string, object?> filter)
    {
        var member = Access(field.Accessor, instance);
        return field.Kind switch
        {
            EntityFieldKind.Text => Operations(member, filter, field.CaseInsensitiveKey is { } key ? Access(key, instance) : Expression.Call(member, ToLower)),
            EntityFieldKind.Count or EntityFieldKind.Flag => Operations(member, filter, null),
            EntityFieldKind.Id => Operations(member, DecodeIds(filter, field.NodeTypeName!), null),
            EntityFieldKind.Reference => Object(member, filter, field.Target!()),
            EntityFieldKind.Collection => List(member, filter, field.Target!()),
            _ => throw new InvalidOperationException(field.Kind.ToString()),
        };
    }

    /// <summary>
    /// One field's operations. Null as an operand means "is null" for eq/neq/eqi/neqi and as an item of in/nin/ini (never
    /// true of a non-nullable column); every other operator rejects it, as HotChocolate does, rather than silently
    /// matching everything. A negated operator is the complement of its positive twin (C# null semantics), so a NULL
    /// column satisfies neq, ncontains, nin, ...
    /// </summary>
    /// <param name="key">The lower-cased form of a text field the case-insensitive operators compare; null for other fields.</param>
    private static Expression Operations(Expression member, IDictionary<string, object?> filter, Expression? key)
    {
        Expression result = True;
        foreach (var (op, value) in filter)
        {
            var part = op switch
            {
                "and" => value is null ? True : All(Items(value).Select(v => Operations(member, AsFilter(v), key))),
                "or" => value is null ? True : Any(Items(value).Select(v => Operations(member, AsFilter(v), key))),
                "eq" => IsEqual(member, value),
                "neq" => Not(IsEqual(member, value)),
                "gt" => Expression.GreaterThan(member, Value(NotNull(value, op), member.Type)),
                "ngt" => Not(Expression.GreaterThan(member, Value(NotNull(value, op), member.Type))),
                "gte" => Expression.GreaterThanOrEqual(member, Value(NotNull(value, op), member.Type)),
                "ngte" => Not(Expression.GreaterThanOrEqual(member, Value(NotNull(value, op), member.Type))),
                "lt" => Expression.LessThan(member, Value(NotNull(value, op), member.Type)),
                "nlt" => Not(Expression.LessThan(member, Value(NotNull(value, op), member.Type))),
                "lte" => Expression.LessThanOrEqual(member, Value(NotNull(value, op), member.Type)),
                "nlte" => Not(Expression.LessThanOrEqual(member, Value(NotNull(value, op), member.Type))),
                "contains" => Contains(member, Text(value, op)),
                "ncontains" => Not(Contains(member, Text(value, op))),
                "startsWith" => StartsWith(member, Text(value, op)),
                "nstartsWith" => Not(StartsWith(member, Text(value, op))),
                "endsWith" => EndsWith(member, Text(value, op)),
                "nendsWith" => Not(EndsWith(member, Text(value, op))),
                "in" => In(member, Items(NotNull(value, op))),
                "nin" => Not(In(member, Items(NotNull(value, op)))),
                // IAM compares names ignoring case: the value is lower-cased here, the column is a NameKey (or lower()).
                "eqi" => IsEqual(KeyOrThrow(key, op), Lower(value)),
                "neqi" => Not(IsEqual(KeyOrThrow(key, op), Lower(value))),
                "containsi" => Contains(KeyOrThrow(key, op), Lower(Text(value, op))!),
                "startsWithi" => StartsWith(KeyOrThrow(key, op), Lower(Text(value, op))!),
                "endsWithi" => EndsWith(KeyOrThrow(key, op), Lower(Text(value, op))!),
                "ini" => In(KeyOrThrow(key, op), Items(NotNull(value, op)).Select(Lower)),
                _ => throw Invalid($"Unknown filter operation '{op}'."),
            };
            result = And(result, part);
        }
        return result;
    }

    /// <summary>
    /// An id filter with each global id replaced by the key it stands for, so the operations compare keys. An id this type never
    /// gives out (another type's, a malformed one, a non-canonical encoding of a key) stands for no key: equal to no row, like a
    /// string no column can hold.
    /// </summary>
    private static Dictionary<string, object?> DecodeIds(IDictionary<string, object?> filter, string nodeTypeName)
    {
        object? Key(object? id) =>
            id is null ? null
            : id is string text && NodeId.TryDecode(text, out var type, out var key) && type == nodeTypeName && NodeId.Encode(type, key) == text ? key
            : NoKey;
        return filter.ToDictionary(
            entry => entry.Key,
            entry => entry.Key switch
            {
                "and" or "or" => entry.Value is null ? null : Items(entry.Value).Select(v => (object?)DecodeIds(AsFilter(v), nodeTypeName)).ToList(),
                "in" or "nin" => entry.Value is null ? null : Items(entry.Value).Select(Key).Where(k => k != NoKey).ToList(),
                _ => Key(entry.Value),
            });
    }

    private static Expression List(Expression member, IDictionary<string, object?> filter, IEntityFieldMap target)
    {
        var elementType = target.EntityType;
        Expression result = True;
        foreach (var (op, value) in filter)
        {
            if (value is null)
            {
                throw NullNotAccepted(op);
            }
            var element = Expression.Parameter(elementType, "e");
            var predicate = op == "any" ? True : Object(element, AsFilter(value), target);
            result = And(result, op switch
            {
                "any" => (bool)value ? Some(member, element, True) : Not(Some(member, element, True)),
                "some" => Some(member, element, predicate),
                "none" => Not(Some(member, element, predicate)),
                // Vacuously true without related items: all: {} holds for every row, all: { or: [] } only without related items.
                "all" => IsConstant(predicate, true) ? True
                    : IsConstant(predicate, false) ? Not(Some(member, element, True))
                    : Expression.Call(typeof(Enumerable), nameof(Enumerable.All), [elementType], member, Expression.Lambda(predicate, element)),
                _ => throw Invalid($"Unknown list filter operation '{op}'."),
            });
        }
        return result;
    }

    /// <summary>EXISTS over the relation: plain <c>Any()</c> when the predicate is true, false when it is false.</summary>
    private static Expression Some(Expression member, ParameterExpression element, Expression predicate) =>
        IsConstant(predicate, false) ? False
        : IsConstant(predicate, true) ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element.Type], member)
        : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element.Type], member, Expression.Lambda(predicate, element));

    // A string no stored value can contain (NUL, an unpaired surrogate) is decided here, on every engine alike: equal,
    // contains, starts or ends with are false, their negations true, an in-list item matches nothing.
    private static bool Storable(string value) => StorableText.IsStorable(value);

    private static Expression IsEqual(Expression member, object? value)
    {
        if (value is null)
        {
            // A non-nullable value type (a count, a flag) is never null.
            return member.Type.IsValueType && System.Nullable.GetUnderlyingType(member.Type) is null
                ? False
                : Expression.Equal(member, Expression.Constant(null, member.Type));
        }
        return value == NoKey || (value is string text && !Storable(text)) ? False : Expression.Equal(member, Value(value, member.Type));
    }

    private static Expression Contains(Expression member, string value) =>
        Storable(value) ? Expression.Call(member, StringContains, Value(value, typeof(string))) : False;

    // string.StartsWith/EndsWith become LIKE on SQLite, which ignores ASCII case ("s3:" would match "S3:ListBucket").
    // Comparing a substring keeps the ordinal semantics on every provider: substr(name, 1, length(@p)) = @p.
    private static Expression StartsWith(Expression member, string value) =>
        !Storable(value) ? False :
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int))),
            Expression.Equal(Expression.Call(member, Substring2, Expression.Constant(0), Value(value.Length, typeof(int))), Value(value, typeof(string))));

    private static Expression EndsWith(Expression member, string value) =>
        !Storable(value) ? False :
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int))),
            Expression.Equal(
                Expression.Call(member, Substring1, Expression.Subtract(Expression.Property(member, nameof(string.Length)), Value(value.Length, typeof(int)))),
                Value(value, typeof(string))));

    /// <summary>
    /// <c>member IN (items)</c>; a null item adds "or is null" (never true of a non-nullable column), an unstorable
    /// string matches nothing, and the empty list matches nothing.
    /// </summary>
    private static Expression In(Expression member, IEnumerable<object?> items)
    {
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        var orNull = False;
        foreach (var item in items)
        {
            if (item is null)
            {
                orNull = IsEqual(member, null);
            }
            else if (item is not string text || Storable(text))
            {
                list.Add(Convert.ChangeType(item, member.Type, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var inList = list.Count == 0 ? False : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], Parameter(list, listType), member);
        return Or(inList, orNull);
    }

    private static object NotNull(object? value, string op) =>
        value ?? throw Invalid($"'{op}' does not accept null: eq, neq, eqi and neqi test for null, as does a null item of in, nin or ini.");

    private static ExecutionError NullNotAccepted(string name) => Invalid($"'{name}' does not accept null; leave it out to not filter on it.");

    private static string Text(object? value, string op) => (string)NotNull(value, op);

    private static string? Lower(object? value) => ((string?)value)?.ToLowerInvariant();

    private static Expression KeyOrThrow(Expression? key, string op) => key ?? throw Invalid($"'{op}' applies to text fields only.");

    private static bool IsConstant(Expression expression, bool value) => expression is ConstantExpression { Value: bool b } && b == value;

    // Constants fold away here, so SQL never carries "1 = 1" or "TRUE AND ..." and a filter that is true throughout is no filter.
    private static Expression And(Expression left, Expression right) =>
        IsConstant(left, false) || IsConstant(right, false) ? False
        : IsConstant(left, true) ? right
        : IsConstant(right, true) ? left
        : Expression.AndAlso(left, right);

    private static Expression Or(Expression left, Expression right) =>
        IsConstant(left, true) || IsConstant(right, true) ? True
        : IsConstant(left, false) ? right
        : IsConstant(right, false) ? left
        : Expression.OrElse(left, right);

    private static Expression Not(Expression operand) =>
        IsConstant(operand, true) ? False
        : IsConstant(operand, false) ? True
        : Expression.Not(operand);

    private static Expression All(IEnumerable<Expression> parts) => parts.Aggregate(True, And);

    private static Expression Any(IEnumerable<Expression> parts) => parts.Aggregate(False, Or);

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
