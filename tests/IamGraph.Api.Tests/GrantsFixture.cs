using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import.Model;
using IamGraph.Import.Writing;

namespace IamGraph.Api.Tests;

/// <summary>
/// A catalogue written by the real import model (<see cref="Import.Model.CatalogBuilder"/> + the engine's <see cref="ICatalogWriter"/>), so
/// canonical variants, action matches and effective grants are computed as in production. Hand-computed facts the tests rely on:
/// <list type="bullet">
/// <item>13 action strings (ordinal): <c>*</c>, <c>S3:getobject</c>, <c>ecr:BatchGetImage</c>, <c>ecr:GetDownloadUrlForLayer</c>, <c>iam:GetRole</c>,
/// <c>iam:ListRoles</c>, <c>s3:*</c>, <c>s3:*Object</c>, <c>s3:Get*</c>, <c>s3:Get?bject</c>, <c>s3:GetObject</c>, <c>s3:ListBucket</c>, <c>s3:PutObject</c>.</item>
/// <item>Canonical: <c>s3:GetObject</c> (2 policies) over <c>S3:getobject</c> (1); service <c>s3</c> (6) over <c>S3</c> (1). 7 canonical concrete actions.</item>
/// <item>Effective actions: Admin 7, EcrPull 3 (BatchGetImage, GetDownloadUrlForLayer, GetObject), IamRead 2, MixedCase 3 (GetObject, PutObject, BatchGetImage),
/// S3Admin 3 (s3 Get/List/Put), S3GetAll 1, S3Objects 2 (Get/PutObject), S3Question 1, S3Reader 2 (GetObject, ListBucket): 24 grants.</item>
/// <item>s3:GetObject is granted by 8 policies (all but IamRead), named literally by 2 (EcrPull, S3Reader).</item>
/// <item>Roles: Builder = S3Reader + EcrPull (4 effective), Auditor = IamRead + S3Objects (4), Nobody (0).</item>
/// </list>
/// </summary>
public abstract class GrantsFixture(CatalogProvider provider) : ApiFixture(provider)
{
    protected override void Write(TestCatalog catalog) => WriteAsImported(catalog, Docs());

    public static DocsCatalog Docs() => new(
        "/docs",
        DocsLayout.Published,
        [
            Policy("S3Reader", "s3:GetObject", "s3:ListBucket", "s3:ListBucket"),
            Policy("S3GetAll", "s3:Get*"),
            Policy("S3Objects", "s3:*Object"),
            Policy("S3Question", "s3:Get?bject"),
            Policy("S3Admin", "s3:*", "s3:Get*"),
            Policy("Admin", "*"),
            Policy("MixedCase", "S3:getobject", "s3:PutObject", "ecr:BatchGetImage"),
            Policy("EcrPull", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "s3:GetObject"),
            Policy("IamRead", "iam:GetRole", "iam:ListRoles"),
        ],
        [Role("Builder", "S3Reader", "EcrPull"), Role("Auditor", "IamRead", "S3Objects"), Role("Nobody")],
        [],
        [],
        [],
        [
            new ReaderNote("missing-page", "policies/README.md links to a page that does not exist.", new SourceRef("policies/README.md", 7), "policy:Ghost"),
            // No entity: a finding whose nullable columns sort and filter (NULLs order alike on both engines).
            new ReaderNote("unparsed-row", "roles/README.md has a row without a role link.", new SourceRef("roles/README.md", 4)),
        ]);

    public static string Arn(string policy) => "arn:aws:iam::aws:policy/" + policy;

    private static PolicyPage Policy(string name, params string[] actions) => DocsPages.Policy(name, Arn(name), actions);

    private static RolePage Role(string name, params string[] policies) =>
        DocsPages.Role(name, $"arn:aws:iam::123456789012:role/{name}", [.. policies.Select(Arn)]);
}

public sealed class SqliteGrantsFixture() : GrantsFixture(CatalogProvider.Sqlite);

public sealed class PostgresGrantsFixture() : GrantsFixture(CatalogProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteGrantsCollection : ICollectionFixture<SqliteGrantsFixture>
{
    public const string Name = "grants on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresGrantsCollection : ICollectionFixture<PostgresGrantsFixture>
{
    public const string Name = "grants on PostgreSQL";
}
