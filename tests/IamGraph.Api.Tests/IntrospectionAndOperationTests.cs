using IamGraph.Api.Common;
using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>What schema tools and frontends send besides queries: the current spec's introspection, and operations the schema lacks.</summary>
public abstract class IntrospectionAndOperationTests(ApiFixture api)
{
    [EngineFact]
    public async Task Serves_the_current_spec_introspection_fields()
    {
        var data = await api.DataAsync("""
            {
              __schema { description directives { name isRepeatable locations args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
              string: __type(name: "String") { specifiedByURL }
              filter: __type(name: "PolicyFilterInput") { isOneOf inputFields(includeDeprecated: true) { name isDeprecated } }
              query: __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated } } }
            }
            """);

        var directives = data.At("__schema", "directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal(["deprecated", "include", "oneOf", "skip", "specifiedBy"], directives.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("INPUT_FIELD_DEFINITION", directives["deprecated"].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("ARGUMENT_DEFINITION", directives["deprecated"].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.False(directives["skip"].GetProperty("isRepeatable").GetBoolean());
        Assert.Equal("url", directives["specifiedBy"].GetProperty("args")[0].GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("string", "specifiedByURL").ValueKind);
        Assert.False(data.At("filter", "isOneOf").GetBoolean());
        Assert.Contains(data.At("filter", "inputFields").EnumerateArray(), f => f.GetProperty("name").GetString() == "id");
    }

    [EngineFact]
    public async Task Directive_args_leave_out_deprecated_ones_unless_asked()
    {
        var data = await api.DataAsync("{ __schema { directives { name args { name } all: args(includeDeprecated: true) { name } } } }");

        foreach (var directive in data.At("__schema", "directives").EnumerateArray())
        {
            // No directive argument is deprecated, so both lists agree.
            Assert.Equal(directive.GetProperty("all").GetArrayLength(), directive.GetProperty("args").GetArrayLength());
        }
    }

    [EngineTheory]
    [InlineData("mutation Add { policies { totalCount } }", "mutation")]
    [InlineData("subscription OnChange { policies { totalCount } }", "subscription")]
    public async Task A_mutation_or_subscription_is_told_the_schema_has_no_such_type(string document, string kind)
    {
        var response = await api.ExecuteAsync(document);

        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal(ErrorCodes.OperationNotSupported, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"no {kind} type", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteIntrospectionAndOperationTests(SqliteCatalogFixture api) : IntrospectionAndOperationTests(api);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresIntrospectionAndOperationTests(PostgresCatalogFixture api) : IntrospectionAndOperationTests(api), IPostgresTests;
