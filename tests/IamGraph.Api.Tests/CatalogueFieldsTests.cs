using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Issue 9: what the action catalogue and the policy documents add to actions and policies, against <see cref="DocumentsFixture"/>.</summary>
public abstract class CatalogueFieldsTests(DocumentsFixture api)
{
    [EngineFact]
    public async Task Actions_carry_the_catalogues_access_levels_description_and_presence()
    {
        var data = await api.DataAsync("""
            { actions(where: { name: { startsWith: "s3:" } }, order: { name: ASC }, first: 10) { nodes { name accessLevel description inCatalog canonical { name } } } }
            """);
        var rows = data.At("actions", "nodes").EnumerateArray()
            .Select(a => (Name: a.At("name").GetString(), Levels: string.Join("+", a.At("accessLevel").EnumerateArray().Select(l => l.GetString())),
                Description: a.At("description").ValueKind == JsonValueKind.Null ? null : a.At("description").GetString(), InCatalog: a.At("inCatalog").GetBoolean(),
                Canonical: a.At("canonical", "name").GetString()))
            .ToArray();

        Assert.Equal(
            [
                ("s3:*", "", null, false, "s3:*"),
                ("s3:GetObject", "READ", "Does s3:GetObject", true, "s3:GetObject"),
                ("s3:ListBucket", "LIST", "Does s3:ListBucket", true, "s3:ListBucket"),
                ("s3:TagResource", "WRITE+TAGGING", "Does s3:TagResource", true, "s3:TagResource"),
                // The docs' lower-case spelling: the catalogue's is canonical, and its fields reach the variant.
                ("s3:getobject", "READ", "Does s3:GetObject", true, "s3:GetObject"),
            ],
            rows);
    }

    [EngineFact]
    public async Task Actions_filter_and_sort_by_whether_the_catalogue_lists_them()
    {
        var data = await api.DataAsync("""
            { listed: actions(where: { inCatalog: { eq: false } }) { nodes { name } }
              sorted: actions(order: [{ inCatalog: DESC }, { name: ASC }], first: 2) { nodes { name } } }
            """);
        Assert.Equal(["*", "s3:*"], data.At("listed", "nodes").EnumerateArray().Select(a => a.At("name").GetString()));
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], data.At("sorted", "nodes").EnumerateArray().Select(a => a.At("name").GetString()));
    }

    [EngineFact]
    public async Task Policies_say_where_they_come_from_their_default_version_and_dates()
    {
        var data = await api.DataAsync("""
            { policies(order: { name: ASC }) { nodes { name sources defaultVersionId createdAt updatedAt effectiveActionCount actions { nodes { name } } } } }
            """);
        var policies = data.At("policies", "nodes").EnumerateArray().ToDictionary(p => p.At("name").GetString()!);

        var reader = policies["Reader"];
        Assert.Equal(["DOCS", "MANAGED_POLICIES"], reader.At("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("v2", reader.At("defaultVersionId").GetString());
        Assert.Equal(DocumentsFixture.ReaderCreated, reader.At("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, reader.At("updatedAt").ValueKind);
        // Its document decides: the default version's strings, not the docs' row.
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], reader.At("actions", "nodes").EnumerateArray().Select(a => a.At("name").GetString()));
        Assert.Equal(2, reader.At("effectiveActionCount").GetInt32());

        Assert.Equal(["MANAGED_POLICIES"], policies["DenyAll"].At("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, policies["DenyAll"].At("effectiveActionCount").GetInt32());

        var docsOnly = policies["DocsOnly"];
        Assert.Equal(["DOCS"], docsOnly.At("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, docsOnly.At("defaultVersionId").ValueKind);
        Assert.Equal(3, docsOnly.At("effectiveActionCount").GetInt32());
    }
}

[Collection(SqliteDocumentsCollection.Name)]
public sealed class SqliteCatalogueFieldsTests(SqliteDocumentsFixture api) : CatalogueFieldsTests(api);

[Collection(PostgresDocumentsCollection.Name)]
public sealed class PostgresCatalogueFieldsTests(PostgresDocumentsFixture api) : CatalogueFieldsTests(api), IPostgresTests;
