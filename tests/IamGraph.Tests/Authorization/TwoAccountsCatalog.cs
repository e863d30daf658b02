using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Import;
using IamGraph.Testing;

namespace IamGraph.Tests.Authorization;

/// <summary>
/// The bundled sample plus two accounts, alpha (111111111111) and bravo (222222222222), built alike: a user in a group,
/// a role, a customer-managed policy, inline policies on the user and the role, an AWS-managed policy attached in both
/// accounts (with a copy of the package's document, as AWS's export carries it), tags, an attachment of a policy no source
/// has, and action strings no public source writes: a service of the account's own, a new case spelling of a known action,
/// and a pattern. Every name of an account starts with its prefix, so a response that mentions an account at all says so
/// in plain text.
/// </summary>
public sealed class TwoAccountsCatalog : IDisposable
{
    public static readonly TestAccount Alpha = new("111111111111", "alpha");
    public static readonly TestAccount Bravo = new("222222222222", "bravo");
    public static readonly TestAccount[] Accounts = [Alpha, Bravo];

    private readonly TempDirectory _dir = new();

    public TwoAccountsCatalog()
    {
        foreach (var account in Accounts)
        {
            File.WriteAllText(FileOf(account), account.AuthorizationDetailsJson());
        }
        Full = Import("full.db", Accounts);
    }

    /// <summary>Sample + both accounts.</summary>
    public CatalogConnection Full { get; }

    /// <summary>A catalogue holding only <paramref name="accounts"/> (and the public sample): what a caller who sees exactly those must be told.</summary>
    public CatalogConnection ImportOnly(params TestAccount[] accounts) =>
        Import($"only-{string.Join('-', accounts.Select(a => a.Prefix).DefaultIfEmpty("public"))}.db", accounts);

    private CatalogConnection Import(string file, IEnumerable<TestAccount> accounts)
    {
        var database = CatalogConnection.Parse(_dir.File(file));
        CatalogImporter.Import(CatalogBootstrap.SampleInputs with { Accounts = [.. accounts.Select(FileOf)] }, database);
        return database;
    }

    private string FileOf(TestAccount account) => _dir.File($"{account.Prefix}-authorization-details.json");

    public void Dispose() => _dir.Dispose();
}

public sealed record TestAccount(string Id, string Prefix)
{
    public override string ToString() => Prefix;

    /// <summary>Strings that only a response mentioning this account can hold.</summary>
    public IEnumerable<string> Markers => [Id, Prefix + "-"];

    /// <summary>A spelling of s3:GetObjectAcl that no public source writes (each account its own).</summary>
    public string CaseSpelling => Prefix == "alpha" ? "S3:GETOBJECTACL" : "s3:getobjectACL";

    /// <summary>A pattern no public source writes (each account its own); it matches public actions.</summary>
    public string Pattern => Prefix == "alpha" ? "s3:GetObject?agging" : "s3:Get*Tagging";

    public string AuthorizationDetailsJson() => """
        {
          "UserDetailList": [
            { "Path": "/", "UserName": "P-user", "UserId": "AIDAP", "Arn": "arn:aws:iam::ACCT:user/P-user", "CreateDate": "2020-01-02 03:04:05+00:00",
              "GroupList": ["P-group"],
              "UserPolicyList": [ { "PolicyName": "P-user-inline", "PolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObjectTagging", "Resource": "*" } ] } } ],
              "AttachedManagedPolicies": [ { "PolicyName": "P-policy", "PolicyArn": "arn:aws:iam::ACCT:policy/P-policy" },
                { "PolicyName": "P-missing", "PolicyArn": "arn:aws:iam::ACCT:policy/P-missing" } ],
              "Tags": [ { "Key": "owner", "Value": "P-owner" } ] }
          ],
          "GroupDetailList": [
            { "Path": "/", "GroupName": "P-group", "GroupId": "AGPAP", "Arn": "arn:aws:iam::ACCT:group/P-group", "CreateDate": "2019-01-01 00:00:00+00:00",
              "GroupPolicyList": [],
              "AttachedManagedPolicies": [ { "PolicyName": "AmazonS3ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } ] }
          ],
          "RoleDetailList": [
            { "Path": "/", "RoleName": "P-role", "RoleId": "AROAP", "Arn": "arn:aws:iam::ACCT:role/P-role", "CreateDate": "2021-06-01 12:00:00+00:00",
              "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::ACCT:root" }, "Action": "sts:AssumeRole" } ] },
              "InstanceProfileList": [],
              "RolePolicyList": [ { "PolicyName": "P-role-inline", "PolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] } } ],
              "AttachedManagedPolicies": [
                { "PolicyName": "AmazonS3ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } ],
              "Tags": [], "RoleLastUsed": {} }
          ],
          "Policies": [
            { "PolicyName": "P-policy", "PolicyId": "ANPAP", "Arn": "arn:aws:iam::ACCT:policy/P-policy", "Path": "/", "DefaultVersionId": "v1",
              "CreateDate": "2020-01-01 00:00:00+00:00", "UpdateDate": "2020-01-01 00:00:00+00:00",
              "PolicyVersionList": [ { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:GetObjectAcl", "s3:GetObjectTagging", "P-corp:DoThing", "CASE_SPELLING", "PATTERN"], "Resource": "*" } ] },
                "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": "2020-01-01 00:00:00+00:00" } ] },
            { "PolicyName": "AmazonS3ReadOnlyAccess", "PolicyId": "ANPAIZTJ4DXE7G6AGAE6M", "Arn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "Path": "/", "DefaultVersionId": "v3",
              "CreateDate": "2015-02-06 18:40:59+00:00", "UpdateDate": "2023-08-10 21:31:39+00:00",
              "PolicyVersionList": [ { "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"], "Resource": "*" } ] },
                "VersionId": "v3", "IsDefaultVersion": true, "CreateDate": "2023-08-10 21:31:39+00:00" } ] }
          ]
        }
        """.Replace("ACCT", Id, StringComparison.Ordinal).Replace("P-", Prefix + "-", StringComparison.Ordinal)
        .Replace("CASE_SPELLING", CaseSpelling, StringComparison.Ordinal).Replace("PATTERN", Pattern, StringComparison.Ordinal)
        .Replace("AIDAP", "AIDA" + Prefix.ToUpperInvariant(), StringComparison.Ordinal)
        .Replace("AGPAP", "AGPA" + Prefix.ToUpperInvariant(), StringComparison.Ordinal)
        .Replace("AROAP", "AROA" + Prefix.ToUpperInvariant(), StringComparison.Ordinal)
        .Replace("ANPAP", "ANPA" + Prefix.ToUpperInvariant(), StringComparison.Ordinal);
}
