using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using IamGraph.Api;
using IamGraph.Http;
using IamGraph.Http.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IamGraph.Benchmarks;

/// <summary>
/// What the endpoint's document cache saves per request (issue 11), executed as the endpoint executes: a miss parses the
/// text and runs every validation rule (the spec's, the API's, complexity, aliases); a hit reuses the parsed document and
/// runs only the complexity budget and the API's rules. The difference between the two is the saving.
/// In process (the machine's load makes BenchmarkDotNet's generated project time out while building).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class DocumentCacheBenchmarks
{
    private static readonly Dictionary<string, string> Documents = new()
    {
        ["Q1"] = "{ policies(first: 50) { nodes { name arn actions(first: 1000) { nodes { name service { name } } } } } }",
        ["Q2"] = """{ action(name: "ecr:BatchGetImage") { policies(first: 100) { nodes { name arn actionCount } } } }""",
        ["Q5"] = """{ policiesGranting(actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "ecr:BatchGetImage", "ecr:GetAuthorizationToken"]) { totalCount nodes { name arn } } }""",
    };

    private SharedDocsApi _api = null!;
    private IDocumentExecuter<IamGraphSchema> _executer = null!;
    private ExecutionLimits _limits = null!;
    private GraphQLDocument _parsed = null!;

    [Params("Q1", "Q2", "Q5")]
    public string Query { get; set; } = "Q1";

    [GlobalSetup]
    public void Setup()
    {
        _api = SharedDocsApi.Create();
        _executer = _api.Services.GetRequiredService<IDocumentExecuter<IamGraphSchema>>();
        _limits = new ExecutionLimits(Options.Create(new GraphQLHttpOptions()));
        _parsed = Parser.Parse(Documents[Query]);
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true)]
    public Task<bool> Miss_ParseValidateExecute() => RunAsync(cached: false);

    [Benchmark]
    public Task<bool> Hit_Execute() => RunAsync(cached: true);

    private async Task<bool> RunAsync(bool cached)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(execution =>
        {
            execution.Query = Documents[Query];
            execution.Document = cached ? _parsed : null;
            execution.RequestServices = scope.ServiceProvider;
            if (cached)
            {
                _limits.ApplyCached(execution, isGet: false);
            }
            else
            {
                _limits.Apply(execution, isGet: false);
            }
        });
        return result.Errors is not { Count: > 0 } errors ? result.Executed : throw new InvalidOperationException(errors[0].Message);
    }
}
