using System.Text.Json;

using IamGraph.Api.Common.Authorization;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>
/// Issue 11: what public callers run compiled (a lookup, its one parent's connection) still never shows account rows, and
/// the account filter is one statement whatever the scope, so its SQL is generated once and cached.
/// </summary>
public abstract class ScopedStatementTests(AccountsFixture api)
{
    private async Task<T> AsAsync<T>(AccountScope scope, Func<Task<T>> run)
    {
        var options = api.Services.GetRequiredService<ApiOptions>();
        options.AnonymousScope = scope;
        try
        {
            return await run();
        }
        finally
        {
            options.AnonymousScope = AccountScope.Everything;
        }
    }

    private static (string Name, string? AccountId)[] Policies(JsonElement action) =>
        [.. action.At("policies", "nodes").EnumerateArray()
            .Select(p => (p.At("name").GetString()!, p.At("accountId").ValueKind == JsonValueKind.Null ? null : p.At("accountId").GetString()))];

    [EngineFact]
    public async Task A_public_lookup_and_its_one_parent_connection_never_show_account_policies()
    {
        // s3:* is named by the public S3Full and by alice's inline Ec2 (account 111122223333).
        const string Query = """
            { exact: action(name: "s3:*") { name policies(first: 10) { nodes { name accountId } } }
              folded: action(name: "S3:*", ignoreCase: true) { name policies(first: 10) { nodes { name accountId } } }
              service(name: "s3") { name } }
            """;
        var owner = await api.DataAsync(Query);
        Assert.Equal([("Ec2", AccountsFixture.AccountId), ("S3Full", null)], Policies(owner.At("exact")));

        // Twice: the first run compiles the queries, the second runs them compiled; then the owner again, then public again.
        foreach (var _ in new[] { 1, 2 })
        {
            var anonymous = await AsAsync(AccountScope.Public, () => api.DataAsync(Query));
            Assert.Equal([("S3Full", null)], Policies(anonymous.At("exact")));
            Assert.Equal("s3:*", anonymous.At("folded", "name").GetString());
            Assert.Equal([("S3Full", null)], Policies(anonymous.At("folded")));
            Assert.Equal("s3", anonymous.At("service", "name").GetString());
        }
        Assert.Equal([("Ec2", AccountsFixture.AccountId), ("S3Full", null)], Policies((await api.DataAsync(Query)).At("exact")));
        var other = await AsAsync(AccountScope.Of(["999988887777"]), () => api.DataAsync(Query));
        Assert.Equal([("S3Full", null)], Policies(other.At("exact")));
    }

    [EngineFact]
    public async Task A_root_connections_totalCount_counts_for_its_own_caller_after_the_resolver_context_is_reused()
    {
        // GraphQL.NET keeps a resolver's context per thread and reuses it for the next field (any request's) once the
        // resolver returned; totalCount runs after that, so it must not read the context again.
        var ownerCount = (await api.DataAsync("{ policies { totalCount } }")).At("policies", "totalCount").GetInt32();
        var publicCount = (await AsAsync(AccountScope.Public, () => api.DataAsync("{ policies { totalCount } }"))).At("policies", "totalCount").GetInt32();
        Assert.True(ownerCount > publicCount, $"the fixture's account holds policies ({ownerCount} against {publicCount})");

        await using var owner = api.Services.CreateAsyncScope();
        owner.ServiceProvider.GetRequiredService<RequestAccountScope>().Current = AccountScope.Of([AccountsFixture.AccountId]);
        await using var stranger = api.Services.CreateAsyncScope();
        var document = GraphQLParser.Parser.Parse("{ policies(first: 1) { nodes { name } totalCount } }");
        var field = (GraphQLParser.AST.GraphQLField)((GraphQLParser.AST.GraphQLOperationDefinition)document.Definitions[0]).SelectionSet.Selections[0];
        var context = new GraphQL.ResolveFieldContext { FieldAst = field, Document = document, RequestServices = owner.ServiceProvider };

        var page = await RootConnectionResolver.ResolveAsync(context, IamGraph.Api.Policies.PolicyFilterAndSort.Map);
        context.RequestServices = stranger.ServiceProvider; // reused for a public caller's field
        Assert.Equal(ownerCount, await page.TotalCount(CancellationToken.None));
        context.RequestServices = null; // or reset
        Assert.Equal(ownerCount, await page.TotalCount(CancellationToken.None));
    }

    [EngineFact]
    public async Task The_account_filter_is_one_statement_text_whatever_the_scope()
    {
        const string Query = "{ policies(first: 5) { nodes { name } } }";
        async Task<string> StatementAs(AccountScope scope) => await AsAsync(scope, async () =>
        {
            var statements = api.Statements.Start();
            await api.DataAsync(Query);
            return Assert.Single(statements);
        });

        var everything = await StatementAs(AccountScope.Everything);
        Assert.Equal(everything, await StatementAs(AccountScope.Public));
        Assert.Equal(everything, await StatementAs(AccountScope.Of([AccountsFixture.AccountId])));
        Assert.Equal(everything, await StatementAs(AccountScope.Of([AccountsFixture.AccountId, "999988887777", "444455556666"])));
    }
}

[Collection(SqliteAccountsCollection.Name)]
public sealed class SqliteScopedStatementTests(SqliteAccountsFixture api) : ScopedStatementTests(api);

[Collection(PostgresAccountsCollection.Name)]
public sealed class PostgresScopedStatementTests(PostgresAccountsFixture api) : ScopedStatementTests(api), IPostgresTests;
