using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Writing;

namespace IamGraph.Api.Tests;

/// <summary>
/// Issue 9's GraphQL side: policy documents with versions, an action catalogue with resource types, condition keys and
/// dependencies, written by the real import model. By hand:
/// <list type="bullet">
/// <item>Catalogue, 8 actions: s3:GetObject (READ; resource type <c>object</c> required with key <c>s3:ExistingObjectTag/${TagKey}</c>; action key
/// <c>s3:ResourceAccount</c>), s3:PutObject (WRITE; depends on s3:PutObjectAcl), s3:PutObjectAcl (PERMISSIONS_MANAGEMENT), s3:ListBucket (LIST; <c>bucket</c>),
/// s3:TagResource (TAGGING + WRITE), iam:GetRole (READ), iam:PassRole (WRITE; <c>role</c>), iam:PutRolePolicy (PERMISSIONS_MANAGEMENT).</item>
/// <item>s3:DeleteObject, named by Writer v2 only, is in the universe but not the catalogue: 9 canonical concrete actions.</item>
/// <item><c>Writer</c>: v1 (Allow s3:GetObject), v2 (+ s3:ListBucket, s3:DeleteObject), default v10 (v3-v9 not stored): #0 Allow S3:getobject, s3:Put* on *; #1 Allow
/// s3:ListBucket on a bucket; #2 Allow iam:PassRole on * with a Condition; #3 Deny s3:PutObjectAcl on * (removes it); #4 Deny s3:GetObject with a Condition
/// (possibly denied). Grants: GetObject (unrestricted, possibly denied, via S3:getobject), PutObject (unrestricted, via s3:Put*), ListBucket (RESOURCE),
/// PassRole (CONDITION).</item>
/// <item><c>PowerUser</c>, v1: #0 Allow NotAction iam:* on *; #1 Allow iam:GetRole on *; #2 Allow iam:PassRole with NotResource. Grants the 6 s3 actions
/// unrestricted (via NotAction#0), GetRole unrestricted, PassRole (NOT_RESOURCE): 8.</item>
/// <item><c>DenyAll</c>, v1: Deny * on *, its Statement a single object. Grants nothing.</item>
/// <item><c>DocsOnly</c> (docs only): names iam:*; grants the 3 iam actions, unrestricted unknown (null).</item>
/// </list>
/// </summary>
public abstract class VersionsFixture(CatalogProvider provider) : ApiFixture(provider)
{
    public const string Bucket = "arn:aws:s3:::bucket";
    public const string PassRoleCondition = """{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}""";
    public const string SecureTransportCondition = """{"Bool":{"aws:SecureTransport":"false"}}""";
    public const string DenyAllDocument = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}""";

    public static readonly DateTimeOffset WriterV10Created = new(2024, 2, 3, 4, 5, 6, TimeSpan.Zero);

    protected override void Write(TestCatalog catalog) =>
        CatalogWriters.For(catalog.Connection).Write(CatalogBuilder.Build(Sources()));

    public static CatalogSources Sources()
    {
        var where = new SourceRef("managedPolicies.json", 1);
        StatementEntry Allow(int ordinal, string[] actions, string[]? resources = null, string? condition = null, string[]? notActions = null, string[]? notResources = null) =>
            new(ordinal, null, StatementEffect.Allow, actions, notActions ?? [], notResources is null ? resources ?? ["*"] : [], notResources ?? [], condition);
        StatementEntry Deny(int ordinal, string action, string? condition = null) =>
            new(ordinal, $"Deny{ordinal}", StatementEffect.Deny, [action], [], ["*"], [], condition);
        PolicyVersionEntry Version(string id, DateTimeOffset? created, string document, params StatementEntry[] statements) =>
            new(id, created, document, statements, false, where);

        var writer = new ManagedPolicyEntry("Writer", Arn("Writer"), "v10", null, null,
        [
            Version("v1", null, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", Allow(0, ["s3:GetObject"])),
            Version("v2", null, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","s3:DeleteObject"],"Resource":"*"}]}""",
                Allow(0, ["s3:GetObject", "s3:ListBucket", "s3:DeleteObject"])),
            Version("v10", WriterV10Created, """{"Version":"2012-10-17","Statement":[]}""",
                Allow(0, ["S3:getobject", "s3:Put*"]),
                Allow(1, ["s3:ListBucket"], [Bucket]),
                Allow(2, ["iam:PassRole"], condition: PassRoleCondition),
                Deny(3, "s3:PutObjectAcl"),
                Deny(4, "s3:GetObject", SecureTransportCondition)),
        ], where);
        var powerUser = new ManagedPolicyEntry("PowerUser", Arn("PowerUser"), "v1", null, null,
        [
            Version("v1", null, """{"Version":"2012-10-17","Statement":[]}""",
                Allow(0, [], notActions: ["iam:*"]),
                Allow(1, ["iam:GetRole"]),
                Allow(2, ["iam:PassRole"], notResources: ["arn:aws:iam::*:role/admin"])),
        ], where);
        var denyAll = new ManagedPolicyEntry("DenyAll", Arn("DenyAll"), "v1", null, null,
            [new PolicyVersionEntry("v1", null, DenyAllDocument, [new StatementEntry(0, null, StatementEffect.Deny, ["*"], [], ["*"], [], null)], true, where)], where);

        var docs = new DocsCatalog("/docs", DocsLayout.Published, [DocsPages.Policy("DocsOnly", Arn("DocsOnly"), "iam:*")], [], [], [], [], []);

        CatalogActionEntry Action(string name, AccessLevel[] levels, ActionResourceTypeEntry[]? types = null, string[]? keys = null, string[]? dependents = null) =>
            new(name, $"Does {name}", levels, types ?? [], keys ?? [], dependents ?? []);
        var catalog = new ActionCatalogSource("iam-data.tgz",
        [
            new CatalogServiceEntry("s3", "Amazon S3",
            [
                Action("s3:GetObject", [AccessLevel.Read], [new ActionResourceTypeEntry("object", true, ["s3:ExistingObjectTag/${TagKey}"], [])], ["s3:ResourceAccount"]),
                Action("s3:PutObject", [AccessLevel.Write], [new ActionResourceTypeEntry("object", true, [], [])], dependents: ["s3:PutObjectAcl"]),
                Action("s3:PutObjectAcl", [AccessLevel.PermissionsManagement]),
                Action("s3:ListBucket", [AccessLevel.List], [new ActionResourceTypeEntry("bucket", false, [], [])]),
                Action("s3:TagResource", [AccessLevel.Tagging, AccessLevel.Write]),
            ],
            [
                new CatalogResourceTypeEntry("bucket", "arn:${Partition}:s3:::${BucketName}", []),
                new CatalogResourceTypeEntry("object", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", []),
            ],
            [new CatalogConditionKeyEntry("s3:ResourceAccount", "Filters access by the resource owner's account ID", "String")]),
            new CatalogServiceEntry("iam", "AWS Identity and Access Management",
            [
                Action("iam:GetRole", [AccessLevel.Read]),
                Action("iam:PassRole", [AccessLevel.Write], [new ActionResourceTypeEntry("role", true, [], [])], ["iam:PassedToService"]),
                Action("iam:PutRolePolicy", [AccessLevel.PermissionsManagement]),
            ],
            [new CatalogResourceTypeEntry("role", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", [])],
            [new CatalogConditionKeyEntry("iam:PassedToService", "Filters access by the AWS service to which this role is passed", "String")]),
        ], []);
        return new CatalogSources(docs, new ManagedPolicySource("managed.tgz", [writer, powerUser, denyAll], []), catalog);
    }

    public static string Arn(string policy) => "arn:aws:iam::aws:policy/" + policy;
}

public sealed class SqliteVersionsFixture() : VersionsFixture(CatalogProvider.Sqlite);

public sealed class PostgresVersionsFixture() : VersionsFixture(CatalogProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteVersionsCollection : ICollectionFixture<SqliteVersionsFixture>
{
    public const string Name = "versions on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresVersionsCollection : ICollectionFixture<PostgresVersionsFixture>
{
    public const string Name = "versions on PostgreSQL";
}
