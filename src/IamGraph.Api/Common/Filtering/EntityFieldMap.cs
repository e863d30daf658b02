using System.Linq.Expressions;
using System.Reflection;

using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Projection;

namespace IamGraph.Api.Common.Filtering;

public enum EntityFieldKind
{
    Text,
    Count,
    Flag,
    /// <summary>The Relay global id (<c>id: ID!</c>): compared as the id the type gives out, sorted by the row's key.</summary>
    Id,
    /// <summary>A to-one navigation filtered with the target's own filter input and sorted by the target's sort input.</summary>
    Reference,
    /// <summary>A to-many navigation filtered with <c>some/none/all/any</c>.</summary>
    Collection,
}

/// <summary>
/// One filterable (and maybe sortable) field: its GraphQL name and how to reach it from the entity.
/// <see cref="CaseInsensitiveKey"/> is a lower-cased column (<c>NameKey</c>) the <c>eqi</c>-style operators compare;
/// without one they compare <c>lower(column)</c>. A reference names the target's filter and sort inputs; an id, the GraphQL
/// type whose global ids it compares (<see cref="NodeTypeName"/>).
/// </summary>
public sealed record EntityField(
    string Name,
    EntityFieldKind Kind,
    LambdaExpression Accessor,
    bool Sortable,
    Type? FilterInputGraphType = null,
    Func<IEntityFieldMap>? Target = null,
    LambdaExpression? CaseInsensitiveKey = null,
    Type? SortInputGraphType = null,
    string? NodeTypeName = null)
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

/// <summary>A key of an entity's default order.</summary>
public sealed record DefaultSortKey(LambdaExpression Key, bool Descending = false);

/// <summary>What the generic filter and sort engines need to know about one entity.</summary>
public interface IEntityFieldMap
{
    Type EntityType { get; }
    IReadOnlyDictionary<string, EntityField> Fields { get; }

    /// <summary>The order every connection ends with, so pages are stable: name ascending (ordinal), then id, unless the map says otherwise.</summary>
    IReadOnlyList<DefaultSortKey> DefaultOrder { get; }
}

/// <summary>
/// How the API reads one entity in SQL: the fields <c>XFilterInput</c> and <c>XSortInput</c> offer and the expression each stands
/// for, the default order, and the projection. Each feature folder declares one (<c>PolicyFilterAndSort.Map</c>); the one filter,
/// sort and projection engine reads it.
/// </summary>
public sealed class EntityFieldMap<T> : IEntityFieldMap
{
    private readonly Dictionary<string, EntityField> _fields = new(StringComparer.Ordinal);
    private readonly Lazy<Expression<Func<T, T>>> _projection;

    private readonly Expression<Func<T, int>> _id;

    public EntityFieldMap(Expression<Func<T, string>> name, Expression<Func<T, int>> id)
        : this(id, new DefaultSortKey(name))
    {
    }

    /// <summary>An entity whose default order is not its name (policy versions newest first, statements by position); the id ends it.</summary>
    public EntityFieldMap(Expression<Func<T, int>> id, params DefaultSortKey[] order)
    {
        _id = id;
        DefaultOrder = [.. order, new DefaultSortKey(id)];
        _projection = new(() => EntityProjection.Of<T>(_fields.Values.Where(f => f.Kind == EntityFieldKind.Reference).Select(f => f.Accessor)));
    }

    /// <summary>Every column of the entity and the references it filters by, joined in (see <see cref="EntityProjection"/>).</summary>
    public Expression<Func<T, T>> Projection => _projection.Value;

    public Type EntityType => typeof(T);
    public IReadOnlyDictionary<string, EntityField> Fields => _fields;
    public IReadOnlyList<DefaultSortKey> DefaultOrder { get; }

    /// <summary>
    /// Columns named after their property (camelCase), their kind from its type: text (the case-insensitive operators compare its
    /// <c>{Property}Key</c> column where the entity has one), count or flag; all sortable, as HotChocolate sorts every scalar.
    /// </summary>
    public EntityFieldMap<T> Columns(params Expression<Func<T, object?>>[] columns)
    {
        foreach (var column in columns)
        {
            var body = column.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : column.Body;
            if (body is not MemberExpression { Member: PropertyInfo property })
            {
                throw new ArgumentException($"'{column}' does not read a property.", nameof(columns));
            }
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var accessor = Expression.Lambda(body, column.Parameters);
            var key = typeof(T).GetProperty(property.Name + "Key") is { } keyProperty && keyProperty.PropertyType == typeof(string)
                ? Expression.Lambda(Expression.Property(column.Parameters[0], keyProperty), column.Parameters)
                : null;
            Add(property.PropertyType switch
            {
                var t when t == typeof(string) => new EntityField(name, EntityFieldKind.Text, accessor, Sortable: true, CaseInsensitiveKey: key),
                var t when t == typeof(int) => new EntityField(name, EntityFieldKind.Count, accessor, Sortable: true),
                var t when t == typeof(bool) => new EntityField(name, EntityFieldKind.Flag, accessor, Sortable: true),
                var t => throw new ArgumentException($"No filter kind for {typeof(T).Name}.{property.Name} ({t.Name}).", nameof(columns)),
            });
        }
        return this;
    }

    public EntityFieldMap<T> Text(string name, Expression<Func<T, string>> accessor, bool sortable = false, Expression<Func<T, string>>? caseInsensitiveKey = null) =>
        Add(new EntityField(name, EntityFieldKind.Text, accessor, sortable, CaseInsensitiveKey: caseInsensitiveKey));

    public EntityFieldMap<T> Count(string name, Expression<Func<T, int>> accessor, bool sortable = false) =>
        Add(new EntityField(name, EntityFieldKind.Count, accessor, sortable));

    public EntityFieldMap<T> Flag(string name, Expression<Func<T, bool>> accessor) =>
        Add(new EntityField(name, EntityFieldKind.Flag, accessor, Sortable: true));

    /// <summary>
    /// <c>id</c>, the global id the type <paramref name="nodeTypeName"/> gives out (see <c>NodeId</c>), over the key the map was made
    /// with: <c>where: { id: { in: [...] } }</c> takes the ids a client holds, <c>order: { id: ASC }</c> sorts by the key.
    /// </summary>
    public EntityFieldMap<T> NodeId(string nodeTypeName) =>
        Add(new EntityField("id", EntityFieldKind.Id, _id, Sortable: true, NodeTypeName: nodeTypeName));

    /// <summary>
    /// A required to-one navigation: filtered with the target's own filter input, sorted with its sort input
    /// (<c>order: { service: { name: ASC } }</c>), and joined into <see cref="Projection"/>.
    /// </summary>
    public EntityFieldMap<T> Reference<TTarget, TFilterInput, TSortInput>(string name, Expression<Func<T, TTarget>> accessor, Func<EntityFieldMap<TTarget>> target) =>
        Add(new EntityField(name, EntityFieldKind.Reference, accessor, Sortable: true, typeof(TFilterInput), target, SortInputGraphType: typeof(TSortInput)));

    /// <summary>A to-many relation filtered with <c>some/none/all/any</c>, through the navigation its declaration names.</summary>
    public EntityFieldMap<T> Collection<TListFilterInput>(string name, IFilterableRelation<T> relation) =>
        Add(new EntityField(name, EntityFieldKind.Collection, relation.Navigation, Sortable: false, typeof(TListFilterInput), () => relation.Nodes));

    private EntityFieldMap<T> Add(EntityField field)
    {
        _fields.Add(field.Name, field);
        return this;
    }
}
