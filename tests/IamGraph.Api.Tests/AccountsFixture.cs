using System.Text;

using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading.Accounts;
using IamGraph.Import.Writing;

namespace IamGraph.Api.Tests;

/// <summary>
/// Issue 10: one account (111122223333) over a five-action catalogue (s3:GetObject, s3:PutObject, s3:DeleteObject,
/// iam:PassRole, ec2:RunInstances), read by the real reader and written by the real model. By hand:
/// <list type="bullet">
/// <item>S3Full (AWS-managed): the package has v1, v2 (default, s3:Get*); the file adds v3 (s3:* on *) and makes it the
/// default, so it grants the three s3 actions, unrestricted.</item>
/// <item>Group devs: S3Full attached, inline DenyDelete (a JSON-string document; Deny s3:DeleteObject on *, unconditional):
/// s3:GetObject, s3:PutObject.</item>
/// <item>alice: in devs; inline Ec2 (Allow NotAction s3:*, iam:* on *: ec2:RunInstances) and MaybeDeny (Deny
/// ec2:RunInstances under a Condition: removes nothing): s3:GetObject, s3:PutObject, ec2:RunInstances.</item>
/// <item>bob: in devs; PassRoleLimited attached (customer, v2: iam:PassRole on role/service/*, restricted); boundary
/// Boundary (customer: s3:Get*, s3:Put*, iam:PassRole on *): s3:GetObject, s3:PutObject (unrestricted), iam:PassRole
/// (restricted). s3:DeleteObject is cut twice (DenyDelete, and the boundary lacks it).</item>
/// <item>carol: Missing attached (no source has it: a finding, incomplete); inline Pass, URL-encoded (iam:PassRole on *).</item>
/// <item>Role service/app: S3Full attached; trusted by ec2.amazonaws.com and arn:aws:iam::444455556666:root.</item>
/// <item>Role ops: S3Full attached, inline NoDelete (Deny s3:DeleteObject on *): s3:GetObject, s3:PutObject.</item>
/// </list>
/// </summary>
public abstract class AccountsFixture(CatalogProvider provider) : ApiFixture(provider)
{
    public const string AccountId = "111122223333";

    public const string AccountJson = """
        {
          "UserDetailList": [
            { "Path": "/", "UserName": "alice", "UserId": "AIDAALICE", "Arn": "arn:aws:iam::111122223333:user/alice", "CreateDate": "2020-01-02 03:04:05+00:00",
              "GroupList": ["devs"],
              "UserPolicyList": [
                { "PolicyName": "Ec2", "PolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "NotAction": ["s3:*", "iam:*"], "Resource": "*" } ] } },
                { "PolicyName": "MaybeDeny", "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                  { "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } } } ] } }
              ],
              "AttachedManagedPolicies": [],
              "Tags": [ { "Key": "team", "Value": "web" } ] },
            { "Path": "/", "UserName": "bob", "UserId": "AIDABOB", "Arn": "arn:aws:iam::111122223333:user/bob", "CreateDate": "2020-01-02T03:04:05Z",
              "GroupList": ["devs"],
              "AttachedManagedPolicies": [ { "PolicyName": "PassRoleLimited", "PolicyArn": "arn:aws:iam::111122223333:policy/PassRoleLimited" } ],
              "PermissionsBoundary": { "PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/Boundary" },
              "Tags": [] },
            { "Path": "/", "UserName": "carol", "UserId": "AIDACAROL", "Arn": "arn:aws:iam::111122223333:user/carol",
              "GroupList": [],
              "UserPolicyList": [ { "PolicyName": "Pass", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22iam%3APassRole%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D" } ],
              "AttachedManagedPolicies": [ { "PolicyName": "Missing", "PolicyArn": "arn:aws:iam::aws:policy/Missing" } ] }
          ],
          "GroupDetailList": [
            { "Path": "/", "GroupName": "devs", "GroupId": "AGPADEVS", "Arn": "arn:aws:iam::111122223333:group/devs", "CreateDate": "2019-01-01 00:00:00+00:00",
              "GroupPolicyList": [ { "PolicyName": "DenyDelete", "PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}}" } ],
              "AttachedManagedPolicies": [ { "PolicyName": "S3Full", "PolicyArn": "arn:aws:iam::aws:policy/S3Full" } ] }
          ],
          "RoleDetailList": [
            { "Path": "/service/", "RoleName": "app", "RoleId": "AROAAPP", "Arn": "arn:aws:iam::111122223333:role/service/app", "CreateDate": "2021-06-01 12:00:00+00:00",
              "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [
                { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com", "AWS": ["arn:aws:iam::444455556666:root"] }, "Action": "sts:AssumeRole" } ] },
              "InstanceProfileList": [], "RolePolicyList": [],
              "AttachedManagedPolicies": [ { "PolicyName": "S3Full", "PolicyArn": "arn:aws:iam::aws:policy/S3Full" } ],
              "Tags": [ { "Key": "env", "Value": "prod" } ], "RoleLastUsed": {} },
            { "Path": "/", "RoleName": "ops", "RoleId": "AROAOPS", "Arn": "arn:aws:iam::111122223333:role/ops",
              "RolePolicyList": [ { "PolicyName": "NoDelete", "PolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" } ] } } ],
              "AttachedManagedPolicies": [ { "PolicyName": "S3Full", "PolicyArn": "arn:aws:iam::aws:policy/S3Full" } ] }
          ],
          "Policies": [
            { "PolicyName": "PassRoleLimited", "PolicyId": "ANPA1", "Arn": "arn:aws:iam::111122223333:policy/PassRoleLimited", "Path": "/", "DefaultVersionId": "v2",
              "CreateDate": "2020-01-01 00:00:00+00:00", "UpdateDate": "2020-02-01 00:00:00+00:00",
              "PolicyVersionList": [
                { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/service/*" } ] },
                  "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": "2020-02-01 00:00:00+00:00" },
                { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "iam:*", "Resource": "*" } ] },
                  "VersionId": "v1", "IsDefaultVersion": false, "CreateDate": "2020-01-01 00:00:00+00:00" } ] },
            { "PolicyName": "Boundary", "PolicyId": "ANPA2", "Arn": "arn:aws:iam::111122223333:policy/Boundary", "Path": "/", "DefaultVersionId": "v1",
              "PolicyVersionList": [ { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:Get*", "s3:Put*", "iam:PassRole"], "Resource": "*" } ] },
                "VersionId": "v1", "IsDefaultVersion": true } ] },
            { "PolicyName": "S3Full", "PolicyId": "ANPA3", "Arn": "arn:aws:iam::aws:policy/S3Full", "Path": "/", "DefaultVersionId": "v3",
              "PolicyVersionList": [ { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } ] },
                "VersionId": "v3", "IsDefaultVersion": true } ] }
          ]
        }
        """;

    protected override void Write(TestCatalog catalog) =>
        CatalogWriters.For(catalog.Connection).Write(CatalogBuilder.Build(Sources()));

    public static CatalogSources Sources()
    {
        var where = new SourceRef("managedPolicies.json", 1);
        PolicyVersionEntry Version(string id, params string[] actions) =>
            new(id, null, "{}", [new StatementEntry(0, null, StatementEffect.Allow, actions, [], ["*"], [], null)], false, where);
        var managed = new ManagedPolicySource("managed.tgz",
            [new ManagedPolicyEntry("S3Full", "arn:aws:iam::aws:policy/S3Full", "v2", null, null, [Version("v1", "s3:GetObject"), Version("v2", "s3:Get*")], where)], []);
        CatalogActionEntry Action(string name) => new(name, null, [AccessLevel.Write], [], [], []);
        var catalog = new ActionCatalogSource("iam-data.tgz",
        [
            new CatalogServiceEntry("s3", "Amazon S3", [Action("s3:GetObject"), Action("s3:PutObject"), Action("s3:DeleteObject")], [], []),
            new CatalogServiceEntry("iam", "IAM", [Action("iam:PassRole")], [], []),
            new CatalogServiceEntry("ec2", "EC2", [Action("ec2:RunInstances")], [], []),
        ], []);
        using var account = new MemoryStream(Encoding.UTF8.GetBytes(AccountJson));
        return new CatalogSources(null, managed, catalog, [AccountDetailsReader.Read(account, "account.json")]);
    }
}

public sealed class SqliteAccountsFixture() : AccountsFixture(CatalogProvider.Sqlite);

public sealed class PostgresAccountsFixture() : AccountsFixture(CatalogProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteAccountsCollection : ICollectionFixture<SqliteAccountsFixture>
{
    public const string Name = "accounts on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresAccountsCollection : ICollectionFixture<PostgresAccountsFixture>
{
    public const string Name = "accounts on PostgreSQL";
}
