using System.Net.Http.Json;
using System.Text.Json.Nodes;

using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Import;
using IamGraph.Testing;

namespace IamGraph.Tests.Authorization;

/// <summary>
/// Issue 13's rule for AWS-managed policies an account file carries: the copy is AWS's public document, so it merges into
/// the public policy (here its default version changes to the file's v2, for every caller, with what follows from the
/// document alone), but no count, attachment, principal, source flag or finding tells a caller without the account which
/// account holds it.
/// </summary>
public sealed class AwsManagedCopyTests : IDisposable
{
    private const string AccountId = "444444444444";
    private const string S3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    private const string Query = $$"""
        { policy(arn: "{{S3ReadOnly}}") { defaultVersionId sources roleCount defaultVersion { versionId } principals { totalCount nodes { name } } roles { totalCount } }
          action(name: "s3:GetObject") { roleCount grantedByCount policyCount }
          dataQuality(first: 5000) { totalCount nodes { message file } }
          stats { roles policies importRun { source } } }
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task An_accounts_copy_of_an_AWS_managed_policy_changes_the_public_document_but_tells_no_one_who_holds_it()
    {
        var accountFile = _dir.File("delta-authorization-details.json");
        File.WriteAllText(accountFile, $$"""
            { "UserDetailList": [], "GroupDetailList": [],
              "RoleDetailList": [ { "Path": "/", "RoleName": "delta-role", "RoleId": "AROADELTA", "Arn": "arn:aws:iam::{{AccountId}}:role/delta-role",
                "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [] }, "RolePolicyList": [],
                "AttachedManagedPolicies": [ { "PolicyName": "AmazonS3ReadOnlyAccess", "PolicyArn": "{{S3ReadOnly}}" } ] } ],
              "Policies": [ { "PolicyName": "AmazonS3ReadOnlyAccess", "Arn": "{{S3ReadOnly}}", "Path": "/", "DefaultVersionId": "v2",
                "PolicyVersionList": [ { "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": "2021-09-27 20:24:58+00:00",
                  "Document": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "s3-object-lambda:Get*", "s3-object-lambda:List*"], "Resource": "*" } ] } } ] } ] }
            """);
        var withAccount = CatalogConnection.Parse(_dir.File("with.db"));
        CatalogImporter.Import(CatalogBootstrap.SampleInputs with { Accounts = [accountFile] }, withAccount);
        var publicOnly = CatalogConnection.Parse(_dir.File("public.db"));
        CatalogImporter.Import(CatalogBootstrap.SampleInputs with { Accounts = null }, publicOnly);

        await using var server = await RunningServer.StartAsync(withAccount, TestTokens.ServerArgs());
        var anonymous = await PostAsync(server, null);
        var owner = await PostAsync(server, TestTokens.Issue([AccountId]));
        await using var publicServer = await RunningServer.StartAsync(publicOnly, TestTokens.ServerArgs());
        var before = await PostAsync(publicServer, null);

        // Everyone reads the file's document: AWS's own, public.
        Assert.Equal("v3", (string?)before["data"]!["policy"]!["defaultVersionId"]);
        Assert.Equal("v2", (string?)anonymous["data"]!["policy"]!["defaultVersionId"]);
        Assert.Equal("v2", (string?)anonymous["data"]!["policy"]!["defaultVersion"]!["versionId"]);

        // Nothing else differs from the catalogue without the account: counts, sources, principals, findings, stats.
        var text = anonymous.ToJsonString();
        Assert.DoesNotContain(AccountId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("delta", text, StringComparison.Ordinal);
        foreach (var path in (string[])["sources", "roleCount", "principals", "roles"])
        {
            Assert.True(JsonNode.DeepEquals(before["data"]!["policy"]![path], anonymous["data"]!["policy"]![path]), $"{path}: {text}");
        }
        // One public finding follows from the public document itself (the docs show v3's actions), and names no account.
        var findings = anonymous["data"]!["dataQuality"]!["nodes"]!.AsArray();
        var fromDocument = findings.Single(f => ((string?)f!["message"])!.Contains("its default version is v2", StringComparison.Ordinal))!;
        Assert.Equal("policies/amazons3readonlyaccess.md", (string?)fromDocument["file"]);
        findings.Remove(fromDocument);
        anonymous["data"]!["dataQuality"]!["totalCount"] = (int)anonymous["data"]!["dataQuality"]!["totalCount"]! - 1;
        foreach (var path in (string[])["action", "dataQuality", "stats"])
        {
            var (expected, actual) = (before["data"]![path]!.DeepClone(), anonymous["data"]![path]!.DeepClone());
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}:\n{expected.ToJsonString()}\n{actual.ToJsonString()}");
        }

        // The account's owner sees its role holding it.
        Assert.Equal((int)before["data"]!["policy"]!["roleCount"]! + 1, (int)owner["data"]!["policy"]!["roleCount"]!);
        Assert.Equal(["delta-role"], owner["data"]!["policy"]!["principals"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
    }

    private static async Task<JsonNode> PostAsync(RunningServer server, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        using var response = await server.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body;
    }

    public void Dispose() => _dir.Dispose();
}
