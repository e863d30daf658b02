using System.Text;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading.Accounts;
using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading.Accounts;

public sealed class AccountDetailsReaderTests
{
    private const string Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:Put*"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""";

    private static AccountSource Read(string json) => AccountDetailsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "account.json");

    private static string Role(string document) => $$"""
        {"RoleDetailList": [
          {"Path": "/", "RoleName": "r", "RoleId": "AROA1", "Arn": "arn:aws:iam::123456789012:role/r",
           "AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/okta"},"Action":"sts:AssumeRoleWithSAML"}]},
           "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {{document}}}],
           "AttachedManagedPolicies": []}
        ]}
        """;

    [Fact]
    public void A_document_reads_alike_as_an_object_a_JSON_string_and_a_URL_encoded_string()
    {
        var asObject = Read(Role(Document)).Principals.Single().InlinePolicies.Single().Document;
        var asString = Read(Role(System.Text.Json.JsonSerializer.Serialize(Document))).Principals.Single().InlinePolicies.Single().Document;
        var encoded = Read(Role("\"" + Uri.EscapeDataString(Document) + "\"")).Principals.Single().InlinePolicies.Single().Document;

        Assert.Equal(asObject.Document, asString.Document);
        Assert.Equal(asObject.Document, encoded.Document);
        foreach (var version in new[] { asObject, asString, encoded })
        {
            var statement = version.Statements.Single();
            Assert.Equal(StatementEffect.Allow, statement.Effect);
            Assert.Equal(["s3:GetObject", "s3:Put*"], statement.Actions);
            Assert.Equal(["*"], statement.Resources);
            Assert.Equal("""{"Bool":{"aws:SecureTransport":"true"}}""", statement.Condition);
        }
    }

    [Fact]
    public void A_role_says_who_may_assume_it_and_the_file_names_its_account()
    {
        var account = Read(Role(Document));
        Assert.Equal("123456789012", account.AccountId);
        var role = account.Principals.Single();
        Assert.Equal(PrincipalKind.Role, role.Kind);
        Assert.Equal([new TrustedEntity(TrustedEntityType.Federated, "arn:aws:iam::123456789012:saml-provider/okta")], role.TrustedBy);
        Assert.Contains("sts:AssumeRoleWithSAML", role.TrustPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_is_an_error_with_the_file_the_line_and_the_JSON_path()
    {
        var json = Role("""{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:*","Resource":"*"}]}""");
        var error = Assert.Throws<ImportException>(() => Read(json));
        Assert.Equal("account.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal("$.RoleDetailList[0].RolePolicyList[0].PolicyDocument.Statement[0].Effect: Effect is \"Permit\"; expected \"Allow\" or \"Deny\"", error.Message);
    }

    [Theory]
    [InlineData("""{"UserDetailList": [ {"UserName": "u", "Arn": "arn:aws:iam::1:user/u"} """, "truncated")]
    [InlineData("""{"UserDetailList": [ {"UserName": "u" "Arn": "x"} ]}""", "invalid JSON")]
    [InlineData("""[1, 2]""", "expected the JSON object")]
    [InlineData("""{"UserDetailList": [ {"UserName": "u", "Arn": "arn:aws:iam::1:role/u"} ]}""", "$.UserDetailList[0].Arn: 'arn:aws:iam::1:role/u' is not an IAM user ARN")]
    [InlineData("""{"GroupDetailList": [ {"GroupName": "g", "Arn": "arn:aws:iam::1:group/g", "GroupPolicyList": [ {"PolicyName": "p", "PolicyDocument": "%7Bnot json"} ]} ]}""", "$.GroupDetailList[0].GroupPolicyList[0].PolicyDocument: the document string is not valid JSON")]
    [InlineData("""{"UserDetailList": [ {"UserName": "u", "Arn": "arn:aws:iam::1:user/u"}, {"UserName": "v", "Arn": "arn:aws:iam::2:user/v"} ]}""", "expected one account per file")]
    [InlineData("""{"Policies": [ {"PolicyName": "p", "Arn": "arn:aws:iam::1:policy/p", "DefaultVersionId": "v1", "PolicyVersionList": [ {"VersionId": "1", "Document": {}} ]} ]}""", "$.Policies[0].PolicyVersionList[0].VersionId: '1' is not a version id")]
    [InlineData("""{"Policies": []}""", "names no user, group, role or customer-managed policy")]
    public void Malformed_files_are_errors_that_say_what_was_expected(string json, string expected)
    {
        var error = Assert.Throws<ImportException>(() => Read(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("account.json", error.File);
    }

    [Fact]
    public void Elements_larger_than_the_first_buffer_stream_through()
    {
        // Many principals and one large one: the buffer grows for the large one and moves on.
        var users = Enumerable.Range(0, 2000).Select(i => $$"""{"UserName": "u{{i}}", "Arn": "arn:aws:iam::1:user/u{{i}}", "Tags": [{"Key": "k", "Value": "{{new string('x', i == 1000 ? 200_000 : 10)}}"}]}""");
        var account = Read("{\n\"UserDetailList\": [\n" + string.Join(",\n", users) + "\n]}");
        Assert.Equal(2000, account.Principals.Count);
        Assert.Equal(200_000, account.Principals[1000].Tags.Single().Value.Length);
        Assert.Equal(1002, account.Principals[999].Source.Line);
    }

    [AccountDataFact]
    public void The_example_file_reads_with_its_counts()
    {
        var account = AccountDetailsReader.Read(SharedAccounts.RequireExample());
        Assert.Equal("012345678901", account.AccountId);
        Assert.Equal(3, account.Principals.Count(p => p.Kind == PrincipalKind.User));
        Assert.Equal(2, account.Principals.Count(p => p.Kind == PrincipalKind.Group));
        Assert.Equal(3, account.Principals.Count(p => p.Kind == PrincipalKind.Role));
        Assert.Equal(32, account.Policies.Count);
        Assert.Equal(6, account.Principals.Sum(p => p.InlinePolicies.Count));
        var obama = account.Principals.Single(p => p.Name == "obama");
        Assert.Equal(["admin"], obama.Groups);
        Assert.Equal(["arn:aws:iam::aws:policy/AdministratorAccess"], obama.AttachedPolicyArns);
        Assert.Equal(new DateTimeOffset(2019, 12, 18, 19, 10, 8, TimeSpan.Zero), obama.CreatedAt);
    }
}
