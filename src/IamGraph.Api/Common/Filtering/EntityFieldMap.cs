using System.Linq.Expressions;
using System.Reflection;

namespace IamGraph.Api.Common.Filtering;

public enum EntityFieldKind
{
    Text,
    Count,
    Flag,
    /// <summary>A to-one navigation filtered with the target's own filter input.</summary>
    Reference,
    /// <summary>A to-many navigation filtered with <c>some/none/all/any</c>.</summary>
    Collection,
}

/// <summary>
/// One filterable (and maybe sortable) field: its GraphQL name and how to reach it from the entity.
/// <see cref="CaseInsensitiveKey"/> is a lower-cased column (<c>NameKey</c>) the <c>eqi</c>-style operators compare;
/// without one they compare <c>lower(column)</c>.
/// </summary>
public sealed record EntityField(
    string Name,
    EntityFieldKind Kind,
    LambdaExpression Accessor,
    bool Sortable,
    Type? FilterInputGraphType = null,
    Func<IEntityFieldMap>? Target = null,
    LambdaExpression? CaseInsensitiveKey = null)
{
    /// <summary>Whether the field can be NULL (a nullable-annotated property or a <see cref="Nullable{T}"/>): sorting then orders NULLs explicitly.</summary>
    public bool Nullable { get; } = CanBeNull(Accessor);

    private static bool CanBeNull(LambdaExpression accessor)
    {
        var body = accessor.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : accessor.Body;
        if (System.Nullable.GetUnderlyingType(body.Type) is not null)
        {
            return true;
        }
        // "f => f.Entity!" leaves no trace in the tree: the property's own annotation says it may be null.
        return !body.Type.IsValueType && body is MemberExpression { Member: PropertyInfo property }
            && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
    }
}

/// <summary>What the generic filter and sort engines need to know about one entity.</summary>
public interface IEntityFieldMap
{
    Type EntityType { get; }
    IReadOnlyDictionary<string, EntityField> Fields { get; }

    /// <summary>The order every connection ends with, so pages are stable: name ascending (ordinal), then id.</summary>
    IReadOnlyList<LambdaExpression> DefaultOrder { get; }
}

/// <summary>The per-entity field map that drives the one filter/sort engine; each feature folder declares one.</summary>
public sealed class EntityFieldMap<T> : IEntityFieldMap
{
    private readonly Dictionary<string, EntityField> _fields = new(StringComparer.Ordinal);

    /// <param name="projection">The columns the schema reads; loading only these keeps large pages cheap.</param>
    public EntityFieldMap(Expression<Func<T, string>> name, Expression<Func<T, int>> id, Expression<Func<T, T>> projection)
    {
        DefaultOrder = [name, id];
        Projection = projection;
    }

    public Expression<Func<T, T>> Projection { get; }

    public Type EntityType => typeof(T);
    public IReadOnlyDictionary<string, EntityField> Fields => _fields;
    public IReadOnlyList<LambdaExpression> DefaultOrder { get; }

    public EntityFieldMap<T> Text(string name, Expression<Func<T, string>> accessor, bool sortable = false, Expression<Func<T, string>>? caseInsensitiveKey = null) =>
        Add(new EntityField(name, EntityFieldKind.Text, accessor, sortable, CaseInsensitiveKey: caseInsensitiveKey));

    public EntityFieldMap<T> Count(string name, Expression<Func<T, int>> accessor, bool sortable = false) =>
        Add(new EntityField(name, EntityFieldKind.Count, accessor, sortable));

    public EntityFieldMap<T> Flag(string name, Expression<Func<T, bool>> accessor) =>
        Add(new EntityField(name, EntityFieldKind.Flag, accessor, Sortable: false));

    public EntityFieldMap<T> Reference<TTarget, TFilterInput>(string name, Expression<Func<T, TTarget>> accessor, Func<EntityFieldMap<TTarget>> target) =>
        Add(new EntityField(name, EntityFieldKind.Reference, accessor, Sortable: false, typeof(TFilterInput), target));

    public EntityFieldMap<T> Collection<TTarget, TListFilterInput>(string name, Expression<Func<T, IEnumerable<TTarget>>> accessor, Func<EntityFieldMap<TTarget>> target) =>
        Add(new EntityField(name, EntityFieldKind.Collection, accessor, Sortable: false, typeof(TListFilterInput), target));

    private EntityFieldMap<T> Add(EntityField field)
    {
        _fields.Add(field.Name, field);
        return this;
    }
}
