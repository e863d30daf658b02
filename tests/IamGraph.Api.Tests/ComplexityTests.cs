using System.Text.Json;

using GraphQL;

using IamGraph.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Api.Tests;

/// <summary>
/// With GraphQL.NET's analyzer, a connection's rows count <c>first</c>/<c>last</c> times (else the default page size):
/// <c>policies(first: 50) { nodes { name } }</c> = policies 1 + nodes 1 + 50 × name 1 = 52.
/// </summary>
public sealed class ComplexityTests
{
    private static async Task<JsonElement> ExecuteAsync(int maxComplexity, string query, bool separateAddGraphQL = false)
    {
        var services = new ServiceCollection();
        void Limits(GraphQL.DI.IGraphQLBuilder b) => b.AddComplexityAnalyzer(c =>
        {
            c.MaxComplexity = maxComplexity;
            c.MaxDepth = 20;
        });
        services.AddIamGraphApi(
            o =>
            {
                // Never opened: validation rejects or the queries below touch no rows worth checking.
                o.ConfigureDbContext = b => b.UseSqlite(CatalogDatabase.SqliteConnectionString(Path.Combine(Path.GetTempPath(), "iamgraph-none.db"), readOnly: true));
                o.DefaultPageSize = 10;
            },
            separateAddGraphQL ? null : Limits);
        if (separateAddGraphQL)
        {
            services.AddGraphQL(Limits);
        }
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<IamGraphSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions { Query = query, RequestServices = scope.ServiceProvider });
        return JsonDocument.Parse(scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result)).RootElement.Clone();
    }

    private static bool RejectedForComplexity(JsonElement response) =>
        response.TryGetProperty("errors", out var errors)
        && errors.EnumerateArray().Any(e => e.TryGetProperty("extensions", out var x) && x.GetProperty("code").GetString() == "COMPLEXITY");

    [Theory]
    [InlineData(52, "{ policies(first: 50) { nodes { name } } }", false)]
    [InlineData(51, "{ policies(first: 50) { nodes { name } } }", true)]
    [InlineData(12, "{ policies { nodes { name } } }", false)]
    [InlineData(11, "{ policies { nodes { name } } }", true)]
    [InlineData(22, "{ policies(last: 20) { edges { cursor } } }", false)]
    [InlineData(21, "{ policies(last: 20) { edges { cursor } } }", true)]
    public async Task Connection_rows_are_multiplied_by_the_page_size(int maxComplexity, string query, bool rejected)
    {
        // Rejected-or-not is what matters; accepted queries may fail later on the empty database, which is fine here.
        Assert.Equal(rejected, RejectedForComplexity(await ExecuteAsync(maxComplexity, query)));
    }

    [Fact]
    public async Task Nested_connections_multiply()
    {
        // 1 + 1 + 50 × (actions 1 + nodes 1 + 1000 × name 1) = 50,102.
        const string query = "{ policies(first: 50) { nodes { actions(first: 1000) { nodes { name } } } } }";
        Assert.False(RejectedForComplexity(await ExecuteAsync(50_102, query)));
        Assert.True(RejectedForComplexity(await ExecuteAsync(50_101, query)));
    }

    [Fact]
    public async Task A_host_may_add_limits_with_its_own_AddGraphQL_call()
    {
        Assert.True(RejectedForComplexity(await ExecuteAsync(51, "{ policies(first: 50) { nodes { name } } }", separateAddGraphQL: true)));
        Assert.False(RejectedForComplexity(await ExecuteAsync(52, "{ policies(first: 50) { nodes { name } } }", separateAddGraphQL: true)));
    }

    [Fact]
    public async Task Introspection_is_free()
    {
        var response = await ExecuteAsync(1, "{ __schema { types { name fields { name args { name type { name ofType { name } } } type { name kind ofType { name kind } } } } } }");
        Assert.False(response.TryGetProperty("errors", out _));
    }
}
