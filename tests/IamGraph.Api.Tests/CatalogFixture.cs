using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Import.Model;

using static IamGraph.Api.Tests.DocsPages;

namespace IamGraph.Api.Tests;

/// <summary>
/// The sample catalogue, as an import of these pages writes it (the real model and the engine's writer). Hand-computed facts the tests rely on:
/// <list type="bullet">
/// <item>Services (ordinal): S3, all, ec2, ecr, iam, s3; policyCount S3 1, all 1, ec2 0, ecr 2, iam 2, s3 2.</item>
/// <item>Actions (ordinal): *, S3:ListBucket, ec2:RunInstances, ecr:BatchGetImage, iam:GetRole, iam:PassRole, s3:Get*, s3:GetObject.
/// No policy names ec2:RunInstances: the model is told of it as an action catalogue would add it, so ec2 has no policies.</item>
/// <item>Policies (ordinal): AWSLambdaRole (3 actions, /service-role/), AdministratorAccess (1), AmazonEC2ContainerRegistryReadOnly (1),
/// AmazonS3ReadOnlyAccess (2), EmptyPolicy (0, customer managed), IAMReadOnlyAccess (2).</item>
/// <item>Roles: AdminRole (/admin/) → AdministratorAccess; LambdaExecRole → AmazonS3ReadOnlyAccess + AWSLambdaRole (4 actions, 3 services).</item>
/// </list>
/// Ids follow ordinal name order, as the import assigns them.
/// </summary>
public abstract class CatalogFixture(CatalogProvider provider) : ApiFixture(provider)
{
    public static readonly string[] KnownActions = ["ec2:RunInstances"];

    protected override void Write(TestCatalog catalog) => WriteAsImported(catalog, Docs(), KnownActions);

    public static DocsCatalog Docs() => new(
        "/docs",
        DocsLayout.Published,
        [
            Policy("AmazonS3ReadOnlyAccess", Arn("AmazonS3ReadOnlyAccess"), "s3:GetObject", "s3:Get*"),
            Policy("AdministratorAccess", Arn("AdministratorAccess"), "*"),
            Policy("AWSLambdaRole", Arn("service-role/AWSLambdaRole"), "iam:PassRole", "s3:GetObject", "ecr:BatchGetImage"),
            Policy("IAMReadOnlyAccess", Arn("IAMReadOnlyAccess"), "iam:GetRole", "S3:ListBucket"),
            Policy("AmazonEC2ContainerRegistryReadOnly", Arn("AmazonEC2ContainerRegistryReadOnly"), "ecr:BatchGetImage"),
            Policy("EmptyPolicy", "arn:aws:iam::123456789012:policy/EmptyPolicy"),
        ],
        [
            Role("LambdaExecRole", "arn:aws:iam::123456789012:role/LambdaExecRole", Arn("service-role/AWSLambdaRole"), Arn("AmazonS3ReadOnlyAccess")),
            Role("AdminRole", "arn:aws:iam::123456789012:role/admin/AdminRole", Arn("AdministratorAccess")),
        ],
        [],
        [],
        [],
        []);

    private static string Arn(string pathAndName) => "arn:aws:iam::aws:policy/" + pathAndName;
}

public sealed class SqliteCatalogFixture() : CatalogFixture(CatalogProvider.Sqlite);

public sealed class PostgresCatalogFixture() : CatalogFixture(CatalogProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCatalogCollection : ICollectionFixture<SqliteCatalogFixture>
{
    public const string Name = "catalog on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCatalogCollection : ICollectionFixture<PostgresCatalogFixture>
{
    public const string Name = "catalog on PostgreSQL";
}
