using GraphQL.Types;

namespace IamGraph.Api.Common.Filtering;

/// <summary><c>XFilterInput</c>: <c>and</c>, <c>or</c> and one operation input per field of the entity's field map.</summary>
public abstract class FilterInputGraphType : InputObjectGraphType
{
    protected FilterInputGraphType(string entityName, IEntityFieldMap map)
    {
        Name = entityName + "FilterInput";
        var self = new GraphQLTypeReference(Name);
        Field("and", new ListGraphType(new NonNullGraphType(self)));
        Field("or", new ListGraphType(new NonNullGraphType(self)));
        foreach (var field in map.Fields.Values)
        {
            var type = field.Kind switch
            {
                EntityFieldKind.Text => typeof(StringOperationFilterInputGraphType),
                EntityFieldKind.Count => typeof(IntOperationFilterInputGraphType),
                EntityFieldKind.Flag => typeof(BooleanOperationFilterInputGraphType),
                EntityFieldKind.Id => typeof(IdOperationFilterInputGraphType),
                _ => field.FilterInputGraphType!,
            };
            Field(field.Name, type);
        }
    }
}

/// <summary><c>ListXFilterInput</c>: quantifiers over a to-many relation (EXISTS / NOT EXISTS in SQL).</summary>
public abstract class ListFilterInputGraphType<TElementFilter> : InputObjectGraphType
    where TElementFilter : FilterInputGraphType
{
    protected ListFilterInputGraphType(string entityName)
    {
        Name = "List" + entityName + "FilterInput";
        Field<TElementFilter>("some").Description("At least one related item matches.");
        Field<TElementFilter>("none").Description("No related item matches.");
        Field<TElementFilter>("all").Description("Every related item matches (true when there are none).");
        Field<BooleanGraphType>("any").Description("true: has related items; false: has none.");
    }
}

public sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Description = "String comparisons: ordinal (case-sensitive), or ignoring case with the operators ending in `i` (IAM compares action names that way).";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or");
        // HotChocolate's operators in its order, then ours.
        foreach (var op in (string[])["eq", "neq", "contains", "ncontains"])
        {
            Field<StringGraphType>(op);
        }
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
        foreach (var op in (string[])["startsWith", "nstartsWith", "endsWith", "nendsWith"])
        {
            Field<StringGraphType>(op);
        }
        foreach (var op in (string[])["eqi", "neqi", "containsi", "startsWithi", "endsWithi"])
        {
            Field<StringGraphType>(op).Description("Ignoring case.");
        }
        Field<ListGraphType<StringGraphType>>("ini").Description("Ignoring case.");
    }
}

public sealed class IntOperationFilterInputGraphType : InputObjectGraphType
{
    public IntOperationFilterInputGraphType()
    {
        Name = "IntOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<IntOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<IntOperationFilterInputGraphType>>>("or");
        // HotChocolate's comparable operations, all twelve, in its order; ngt is "not greater than", and so on.
        Field<IntGraphType>("eq");
        Field<IntGraphType>("neq");
        Field<ListGraphType<IntGraphType>>("in");
        Field<ListGraphType<IntGraphType>>("nin");
        foreach (var op in (string[])["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"])
        {
            Field<IntGraphType>(op);
        }
    }
}

/// <summary><c>IdOperationFilterInput</c>, HotChocolate's filter for an <c>[ID]</c> field: equality with the global ids clients hold.</summary>
public sealed class IdOperationFilterInputGraphType : InputObjectGraphType
{
    public IdOperationFilterInputGraphType()
    {
        Name = "IdOperationFilterInput";
        Description = "Compares the global `id` a type gives out; an id of another type, or one this server never gave out, equals nothing.";
        Field<ListGraphType<NonNullGraphType<IdOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<IdOperationFilterInputGraphType>>>("or");
        Field<IdGraphType>("eq");
        Field<IdGraphType>("neq");
        Field<ListGraphType<IdGraphType>>("in");
        Field<ListGraphType<IdGraphType>>("nin");
    }
}

public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputGraphType>>>("or");
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}
