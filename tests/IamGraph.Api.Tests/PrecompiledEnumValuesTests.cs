using GraphQL.Types;
using IamGraph.Api.Common;
using IamGraph.Testing;

namespace IamGraph.Api.Tests;

/// <summary>A new enum graph type is listed in <see cref="PrecompiledEnumValues"/>, or a cold server JIT-compiles its value table again.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class PrecompiledEnumValuesTests(SqliteCatalogFixture api)
{
    [Fact]
    public void Every_enum_graph_type_of_the_schema_has_its_value_table_precompiled()
    {
        api.Schema.Initialize();
        var inSchema = api.Schema.AllTypes
            .Select(type => EnumOf(type.GetType()))
            .OfType<Type>()
            // GraphQL.NET's own (introspection's TypeKind and DirectiveLocation) are not this schema's to list.
            .Where(type => type.Assembly.GetName().Name!.StartsWith("IamGraph.", StringComparison.Ordinal))
            .Select(type => type.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(inSchema);
        Assert.Equal(inSchema, PrecompiledEnumValues.EnumTypes.Select(type => type.FullName!).Order(StringComparer.Ordinal));
    }

    private static Type? EnumOf(Type? graphType)
    {
        for (; graphType is not null; graphType = graphType.BaseType)
        {
            if (graphType.IsGenericType && graphType.GetGenericTypeDefinition() == typeof(EnumerationGraphType<>))
            {
                return graphType.GetGenericArguments()[0];
            }
        }
        return null;
    }
}
