using System.Text.Json;
using System.Text.RegularExpressions;
using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Import;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>
/// The bundled sample's example account (public data): a fresh clone's serve answers principal questions anonymously,
/// while a user's own import of account data still needs authentication (issue 13's guard).
/// </summary>
public sealed partial class SampleAccountTests
{
    [Fact]
    public async Task The_bundled_sample_answers_the_READMEs_principal_questions_to_anonymous_callers()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(CatalogConnection.Parse(dir.File("sample.db")));
        var queries = ReadmeQuestions();
        Assert.Equal(3, queries.Count);

        var answers = new List<JsonElement>();
        foreach (var query in queries)
        {
            var body = await server.QueryAsync(query);
            Assert.False(body.TryGetProperty("errors", out var errors), $"{query}\n{errors}");
            answers.Add(body.GetProperty("data"));
        }

        // Who can pass a role: hand-read from the example file (AdministratorAccess through `admin` and attached, biden's
        // AWSLambdaFullAccess, the roles' inline `iam:*`/`*` policies).
        var granting = answers[0].GetProperty("principalsGranting");
        Assert.Equal(6, granting.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Role MyOtherRole", "Role MyRole", "Group admin", "User biden", "User obama", "User userwithlotsofpermissions"],
            granting.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("__typename").GetString()} {n.GetProperty("name").GetString()}"));
        var obama = granting.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "obama");
        Assert.Equal("AdministratorAccess", obama.GetProperty("effectiveActions").GetProperty("edges")[0].GetProperty("via")[0].GetProperty("name").GetString());

        // biden: one attached policy, one inline, and two through its group.
        var biden = answers[1].GetProperty("user");
        Assert.Equal(["ATTACHED AWSLambdaFullAccess", "GROUP AmazonRDSFullAccess", "GROUP InlinePolicyForBidenGroup", "INLINE InsecureUserPolicy"],
            biden.GetProperty("policies").GetProperty("edges").EnumerateArray()
                .Select(e => $"{e.GetProperty("attachment").GetString()} {e.GetProperty("node").GetProperty("name").GetString()}"));
        Assert.Equal(20, biden.GetProperty("effectiveActions").GetProperty("edges").GetArrayLength());

        var holders = answers[2].GetProperty("policy").GetProperty("principals").GetProperty("nodes");
        Assert.Equal(["admin", "obama", "userwithlotsofpermissions"], holders.EnumerateArray().Select(n => n.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_users_own_account_import_still_refuses_to_serve_without_authentication()
    {
        using var dir = new TempDirectory();
        var database = CatalogConnection.Parse(dir.File("own.db"));
        // The example file under another account id: a user's own account, imported beside the bundled public files.
        var own = dir.File("my-account.json");
        File.WriteAllText(own, File.ReadAllText(CatalogBootstrap.SampleAccount).Replace(CatalogBootstrap.SampleAccountId, "111122223333", StringComparison.Ordinal));
        CatalogImporter.Import(CatalogBootstrap.SampleInputs with { Accounts = [own] }, database);

        Assert.Null(CatalogBootstrap.BundledSampleAccounts(database));
        await Assert.ThrowsAsync<AccountDataWithoutAuthenticationException>(() => RunningServer.StartAsync(database));
    }

    [Fact]
    public void The_bundled_sample_is_recognised_by_what_it_was_imported_from()
    {
        using var dir = new TempDirectory();
        var database = CatalogConnection.Parse(dir.File("sample.db"));
        CatalogBootstrap.EnsureCatalog(database);

        Assert.Equal([CatalogBootstrap.SampleAccountId], CatalogBootstrap.BundledSampleAccounts(database));
        Assert.Contains(CatalogBootstrap.SampleAccountId, File.ReadAllText(CatalogBootstrap.SampleAccount), StringComparison.Ordinal);
    }

    /// <summary>The GraphQL block under "The three questions it answers best", one query per comment.</summary>
    private static List<string> ReadmeQuestions()
    {
        var readme = File.ReadAllText(Repository.Path("README.md"));
        var start = readme.IndexOf("The three questions it answers best", StringComparison.Ordinal);
        Assert.True(start >= 0, "README lacks the three principal questions");
        var block = GraphQLBlock().Match(readme, start).Groups[1].Value;
        return [.. block.Split('#', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part[(part.IndexOf('\n', StringComparison.Ordinal) + 1)..].Trim())
            .Where(query => query.Length > 0)];
    }

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
