using System.Runtime.CompilerServices;
using GraphQL.Types;
using IamGraph.Api.Analytics;
using IamGraph.Api.Common.Sorting;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Common;

/// <summary>
/// GraphQL.NET's value table of each enum graph type. <see cref="EnumerationGraphType{TEnum}"/> makes it from a virtual
/// method, which the ReadyToRun compiler does not follow, so a cold server JIT-compiles the table and its dictionaries once
/// per enum while it builds the schema. Naming the instantiations here (never called) has the composite image compile
/// them ahead of time. A test requires every enum graph type this project defines to be listed.
/// </summary>
public static class PrecompiledEnumValues
{
    /// <summary>One entry per enum graph type; each names <see cref="Table{TEnum}"/> for it, which is all it takes.</summary>
    public static readonly IReadOnlyList<System.Action> Enums =
    [
        Table<GrantMatch>,
        Table<SortEnumType>,
        Table<StatementEffect>,
        Table<PrincipalKind>,
        Table<PolicyAttachment>,
        Table<PolicyKind>,
        Table<TrustedEntityType>,
    ];

    /// <summary>The enum types <see cref="Enums"/> covers.</summary>
    public static IEnumerable<Type> EnumTypes => Enums.Select(table => table.Method.GetGenericArguments()[0]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Table<TEnum>()
        where TEnum : Enum
    {
        var values = new EnumValues<TEnum>();
        values.Add(new EnumValueDefinition(nameof(values), default(TEnum)));
        _ = values.FindByName(nameof(values));
        _ = values.FindByValue(default(TEnum));
        _ = values.Count;
        foreach (var value in values)
        {
            _ = value.Name;
        }
    }
}
