using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>
/// Issue 13: stored counts of public rows count public rows; a caller who sees accounts gets their share added in the same
/// statements (fields, <c>where:</c>, <c>order:</c>), and a public caller's statements read the stored columns alone.
/// </summary>
public abstract class AccountShareTests(AccountsFixture api)
{
    // No relation is selected: a link table in the SQL can only be an account share's subquery.
    private const string Query = """
        { action(name: "s3:*") { policyCount roleCount }
          actions(first: 100, where: { policyCount: { gte: 2 } }, order: [{ roleCount: DESC }, { name: ASC }]) { totalCount nodes { name policyCount roleCount } }
          service(name: "s3") { policyCount roleCount }
          services(first: 100, order: [{ policyCount: DESC }, { name: ASC }]) { nodes { name policyCount } } }
        """;

    private static readonly string[] LinkTables = ["policy_actions", "policy_services", "role_policies", "role_actions", "role_services", "effective_grants"];

    [EngineFact]
    public async Task A_public_caller_reads_the_stored_counts_and_an_owner_gets_the_accounts_share_in_as_many_statements()
    {
        var options = api.Services.GetRequiredService<ApiOptions>();
        var ownerStatements = api.Statements.Start();
        var owner = await api.DataAsync(Query);
        List<string> publicStatements;
        System.Text.Json.JsonElement anonymous;
        options.AnonymousScope = AccountScope.Public;
        try
        {
            publicStatements = api.Statements.Start();
            anonymous = await api.DataAsync(Query);
        }
        finally
        {
            options.AnonymousScope = AccountScope.Everything;
        }

        // s3:* is named by the public S3Full (v3, the file's default) and by alice's inline Ec2 (NotAction); S3Full is held by roles app and ops.
        Assert.Equal((1, 0), (anonymous.At("action", "policyCount").GetInt32(), anonymous.At("action", "roleCount").GetInt32()));
        Assert.Equal((2, 2), (owner.At("action", "policyCount").GetInt32(), owner.At("action", "roleCount").GetInt32()));
        Assert.Equal(0, anonymous.At("actions", "totalCount").GetInt32());
        Assert.Contains("s3:*", owner.At("actions").Names());
        Assert.Equal((1, 0), (anonymous.At("service", "policyCount").GetInt32(), anonymous.At("service", "roleCount").GetInt32()));
        Assert.Equal("s3", owner.At("services").Names()[0]);

        Assert.Equal(ownerStatements.Count, publicStatements.Count);
        Assert.DoesNotContain(publicStatements, s => LinkTables.Any(t => s.Contains(t, StringComparison.Ordinal)));
        Assert.Contains(ownerStatements, s => s.Contains("policy_actions", StringComparison.Ordinal) && s.Contains("role_actions", StringComparison.Ordinal));
    }
}

[Collection(SqliteAccountsCollection.Name)]
public sealed class SqliteAccountShareTests(SqliteAccountsFixture api) : AccountShareTests(api);

[Collection(PostgresAccountsCollection.Name)]
public sealed class PostgresAccountShareTests(PostgresAccountsFixture api) : AccountShareTests(api), IPostgresTests;
