using IamGraph.Api.Tests.Engines;
using IamGraph.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>Issue 11: the account filter is one statement whatever the scope, so its SQL is generated once and cached.</summary>
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
