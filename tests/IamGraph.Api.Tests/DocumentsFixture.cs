using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Writing;

namespace IamGraph.Api.Tests;

/// <summary>
/// Issue 9: the docs with a policy document and an action catalogue, written by the real import model. By hand:
/// <list type="bullet">
/// <item>Docs: <c>Reader</c> names <c>s3:getobject</c>; <c>DocsOnly</c> names <c>s3:*</c>.</item>
/// <item>Managed: <c>Reader</c> (v1 s3:GetObject; default v2 s3:GetObject + s3:ListBucket, created 2019-05-01),
/// <c>DenyAll</c> (Deny * on *), both only in the package.</item>
/// <item>Catalogue: s3:GetObject (Read), s3:ListBucket (List), s3:TagResource (Tagging + Write), service "Amazon S3".</item>
/// </list>
/// </summary>
public abstract class DocumentsFixture(CatalogProvider provider) : ApiFixture(provider)
{
    public static readonly DateTimeOffset ReaderCreated = new(2019, 5, 1, 22, 36, 14, TimeSpan.Zero);

    protected override void Write(TestCatalog catalog) =>
        CatalogWriters.For(catalog.Connection).Write(CatalogBuilder.Build(Sources()));

    public static CatalogSources Sources()
    {
        var where = new SourceRef("managedPolicies.json", 1);
        StatementEntry Statement(StatementEffect effect, params string[] actions) => new(0, null, effect, actions, [], ["*"], [], null);
        PolicyVersionEntry Version(string id, StatementEntry statement) => new(id, null, "{\"Version\":\"2012-10-17\"}", [statement], false, where);
        var docs = new DocsCatalog("/docs", DocsLayout.Published,
            [DocsPages.Policy("Reader", Arn("Reader"), "s3:getobject"), DocsPages.Policy("DocsOnly", Arn("DocsOnly"), "s3:*")], [], [], [], [], []);
        var managed = new ManagedPolicySource("managed.tgz",
        [
            new ManagedPolicyEntry("Reader", Arn("Reader"), "v2", ReaderCreated, null,
                [Version("v1", Statement(StatementEffect.Allow, "s3:GetObject")), Version("v2", Statement(StatementEffect.Allow, "s3:GetObject", "s3:ListBucket"))], where),
            new ManagedPolicyEntry("DenyAll", Arn("DenyAll"), "v1", null, null, [Version("v1", Statement(StatementEffect.Deny, "*"))], where),
        ], []);
        CatalogActionEntry Action(string name, params AccessLevel[] levels) => new(name, $"Does {name}", levels, [], [], []);
        var catalog = new ActionCatalogSource("iam-data.tgz",
        [
            new CatalogServiceEntry("s3", "Amazon S3",
                [Action("s3:GetObject", AccessLevel.Read), Action("s3:ListBucket", AccessLevel.List), Action("s3:TagResource", AccessLevel.Tagging, AccessLevel.Write)], [], []),
        ], []);
        return new CatalogSources(docs, managed, catalog);
    }

    public static string Arn(string policy) => "arn:aws:iam::aws:policy/" + policy;
}

public sealed class SqliteDocumentsFixture() : DocumentsFixture(CatalogProvider.Sqlite);

public sealed class PostgresDocumentsFixture() : DocumentsFixture(CatalogProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteDocumentsCollection : ICollectionFixture<SqliteDocumentsFixture>
{
    public const string Name = "documents on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresDocumentsCollection : ICollectionFixture<PostgresDocumentsFixture>
{
    public const string Name = "documents on PostgreSQL";
}
