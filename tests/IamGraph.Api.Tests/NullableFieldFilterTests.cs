using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>
/// Filters on a nullable text column (<c>dataQuality.entity</c>: policy:S3Reader on the duplicate-row finding,
/// policy:Ghost on missing-page, NULL on unparsed-row). Null operands mean "is null"; a negated operator is the
/// complement of its positive twin, NULLs included; strings no column can hold (NUL, unpaired surrogates) match nothing.
/// </summary>
public abstract class NullableFieldFilterTests(ApiFixture api)
{
    private async Task<string[]> Kinds(string where)
    {
        var data = await api.DataAsync($"{{ dataQuality(first: 50, where: {where}) {{ nodes {{ kind }} }} }}");
        return [.. data.At("dataQuality").Names("kind").Order(StringComparer.Ordinal)];
    }

    [EngineTheory]
    [InlineData("{ entity: { eq: null } }", new[] { "unparsed-row" })]
    [InlineData("{ entity: { neq: null } }", new[] { "duplicate-row", "missing-page" })]
    [InlineData("{ entity: { eqi: null } }", new[] { "unparsed-row" })]
    [InlineData("{ entity: { neqi: null } }", new[] { "duplicate-row", "missing-page" })]
    [InlineData("{ entity: { in: [null] } }", new[] { "unparsed-row" })]
    [InlineData("""{ entity: { in: [null, "policy:Ghost"] } }""", new[] { "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nin: [null, "policy:Ghost"] } }""", new[] { "duplicate-row" })]
    [InlineData("""{ entity: { nin: ["policy:Ghost"] } }""", new[] { "duplicate-row", "unparsed-row" })]
    [InlineData("""{ entity: { ini: [null, "POLICY:GHOST"] } }""", new[] { "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { or: [{ eq: null }, { eq: "policy:Ghost" }] } }""", new[] { "missing-page", "unparsed-row" })]
    [InlineData("{ entity: { eq: null }, file: { neq: null } }", new[] { "unparsed-row" })]
    [InlineData("{ entity: {} }", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    public async Task Null_operands_test_for_null(string where, string[] expected) =>
        Assert.Equal(expected, await Kinds(where));

    [EngineTheory]
    [InlineData("""{ entity: { eq: "policy:Ghost\u0000" } }""", new string[0])]
    [InlineData("""{ entity: { contains: "\u0000" } }""", new string[0])]
    [InlineData("""{ entity: { startsWith: "policy\u0000" } }""", new string[0])]
    [InlineData("""{ entity: { endsWithi: "\uDC00" } }""", new string[0])]
    [InlineData("""{ entity: { in: ["\u0000", null] } }""", new[] { "unparsed-row" })]
    [InlineData("""{ entity: { neq: "policy:Ghost\u0000" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { neqi: "\uD800" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { ncontains: "\u0000" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nstartsWith: "\u0000" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nendsWith: "\u0000" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nin: ["\u0000"] } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nin: ["\u0000", null] } }""", new[] { "duplicate-row", "missing-page" })]
    // The same answers as for a storable string that matches nothing: the complement includes the NULL row.
    [InlineData("""{ entity: { ncontains: "zzz" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    [InlineData("""{ entity: { nstartsWith: "zzz" } }""", new[] { "duplicate-row", "missing-page", "unparsed-row" })]
    public async Task Unstorable_strings_decide_alike_on_a_nullable_column(string where, string[] expected) =>
        Assert.Equal(expected, await Kinds(where));
}

[Collection(SqliteGrantsCollection.Name)]
public sealed class SqliteNullableFieldFilterTests(SqliteGrantsFixture api) : NullableFieldFilterTests(api);

[Collection(PostgresGrantsCollection.Name)]
public sealed class PostgresNullableFieldFilterTests(PostgresGrantsFixture api) : NullableFieldFilterTests(api), IPostgresTests;
