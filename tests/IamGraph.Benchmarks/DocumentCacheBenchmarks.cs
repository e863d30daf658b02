using BenchmarkDotNet.Attributes;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;
using IamGraph.Api;
using IamGraph.Catalog;
using IamGraph.Http;
using IamGraph.Http.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace IamGraph.Benchmarks;

/// <summary>
/// What the endpoint's document cache saves per request (issue 11): a miss parses the text and runs every validation rule
/// (the spec's, complexity, aliases); a hit reuses the parsed document and runs only the complexity rule, which depends on
/// variables. No database: validation never reads one.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DocumentCacheBenchmarks
{
    private static readonly Dictionary<string, string> Documents = new()
    {
        ["Q1"] = "{ policies(first: 50) { nodes { name arn actions(first: 1000) { nodes { name service { name } } } } } }",
        ["Q2"] = """{ action(name: "ecr:BatchGetImage") { policies(first: 100) { nodes { name arn actionCount } } } }""",
        ["Q5"] = """{ policiesGranting(actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "ecr:BatchGetImage", "ecr:GetAuthorizationToken"]) { totalCount nodes { name arn } } }""",
    };

    private ServiceProvider _services = null!;
    private ISchema _schema = null!;
    private readonly DocumentValidator _validator = new();
    private IValidationRule[] _allRules = [];
    private IValidationRule[] _cachedRules = [];
    private GraphQLDocument _parsed = null!;

    [Params("Q1", "Q2", "Q5")]
    public string Query { get; set; } = "Q1";

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddIamGraphApi(api => api.ConfigureDbContext = db => CatalogDatabase.Configure(db, CatalogProvider.Sqlite, "Data Source=:memory:"));
        _services = services.BuildServiceProvider();
        _schema = _services.GetRequiredService<IamGraphSchema>();
        _schema.Initialize();
        var http = new GraphQLHttpOptions();
        var complexity = new ComplexityValidationRule(ComplexityOptionsFactory.Create(http));
        _allRules = [.. DocumentValidator.CoreRules, complexity, new MaxAliasesValidationRule(http.MaxAliases)];
        _cachedRules = [complexity];
        _parsed = Parser.Parse(Documents[Query]);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<bool> Miss_ParseAndValidateAll() => ValidateAsync(Parser.Parse(Documents[Query]), _allRules);

    [Benchmark]
    public Task<bool> Hit_ValidateComplexityOnly() => ValidateAsync(_parsed, _cachedRules);

    private async Task<bool> ValidateAsync(GraphQLDocument document, IValidationRule[] rules)
    {
        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Rules = rules,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().First(),
            Variables = GraphQL.Inputs.Empty,
            Extensions = GraphQL.Inputs.Empty,
            RequestServices = _services,
        });
        return result.IsValid ? true : throw new InvalidOperationException(result.Errors[0].Message);
    }
}
