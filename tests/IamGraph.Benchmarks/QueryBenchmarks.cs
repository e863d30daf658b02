using BenchmarkDotNet.Attributes;
using GraphQL;
using IamGraph.Api;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Benchmarks;

/// <summary>
/// What one request costs in process (schema execution and SQLite; no HTTP, no socket) over the shared docs imported as
/// <c>iamgraph import</c> writes them, with the API configured as the server configures it. Q1..Q5 are the queries of
/// tests/load/queries.txt; T0 is the floor any request pays.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class QueryBenchmarks
{
    private SharedDocsApi _api = null!;
    private IDocumentExecuter<IamGraphSchema> _executer = null!;
    private IGraphQLTextSerializer _serializer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = SharedDocsApi.Create();
        _executer = _api.Services.GetRequiredService<IDocumentExecuter<IamGraphSchema>>();
        _serializer = _api.Services.GetRequiredService<IGraphQLTextSerializer>();
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> T0_Typename() => RunAsync("{ __typename }");

    [Benchmark]
    public Task<int> Q1_PoliciesWithActionsAndServices() =>
        RunAsync("{ policies(first: 50) { nodes { name arn actions(first: 1000) { nodes { name service { name } } } } } }");

    [Benchmark]
    public Task<int> Q2_PoliciesOfOneAction() =>
        RunAsync("""{ action(name: "ecr:BatchGetImage") { policies(first: 100) { nodes { name arn actionCount } } } }""");

    [Benchmark]
    public Task<int> Q3_ActionsAndPoliciesOfOneService() =>
        RunAsync("""{ service(name: "ecr") { actions(first: 1000) { nodes { name } } policies(first: 1000) { nodes { name } } } }""");

    [Benchmark]
    public Task<int> Q4_ServicesWithCounts() => RunAsync("{ services(first: 1000) { nodes { name actionCount policyCount } } }");

    [Benchmark]
    public Task<int> Q5_PoliciesGrantingFiveActions() =>
        RunAsync("""{ policiesGranting(actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "ecr:BatchGetImage", "ecr:GetAuthorizationToken"]) { totalCount nodes { name arn } } }""");

    /// <summary>One request as the HTTP endpoint runs it: its own DI scope, executed and serialized; returns the response's length.</summary>
    private async Task<int> RunAsync(string query)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(new ExecutionOptions { Query = query, RequestServices = scope.ServiceProvider });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"The benchmark query failed: {errors[0].Message}");
        }
        return _serializer.Serialize(result).Length;
    }
}
