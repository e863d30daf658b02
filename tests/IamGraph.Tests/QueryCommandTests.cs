using System.Text.Json;
using IamGraph.Catalog;
using IamGraph.Hosting;
using IamGraph.Querying;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>`iamgraph query`: a document run in-process against a catalogue, printed as JSON, CSV or a table.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _db;

    public QueryCommandTests()
    {
        _db = _dir.File("q.db");
        CatalogBootstrap.EnsureCatalog(CatalogConnection.Parse(_db));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Json_is_the_whole_result_and_variables_are_applied()
    {
        var file = _dir.File("q.graphql");
        await File.WriteAllTextAsync(file, "query($n: String!) { action(name: $n) { name policyCount } }");

        var (exit, output) = await Cli.RunAsync("query", file, "--db", _db, "--variables", "{\"n\":\"ecr:BatchGetImage\"}");

        Assert.True(exit == 0, output);
        var action = JsonDocument.Parse(output).RootElement.GetProperty("data").GetProperty("action");
        Assert.Equal("ecr:BatchGetImage", action.GetProperty("name").GetString());
        Assert.True(action.GetProperty("policyCount").GetInt32() >= 2);
    }

    [Fact]
    public async Task Csv_flattens_the_first_list_with_dotted_columns()
    {
        var file = _dir.File("q.graphql");
        await File.WriteAllTextAsync(file, "{ policies(first: 2, where: { name: { startsWith: \"AWSD\" } }) { totalCount nodes { name actions(first: 1) { nodes { name } } } } }");

        var (exit, output) = await Cli.RunAsync("query", file, "--db", _db, "--format", "csv");

        Assert.True(exit == 0, output);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("name,actions.nodes", lines[0]);
        Assert.Equal("AWSDenyAll,*", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Errors_print_as_json_and_exit_non_zero()
    {
        var file = _dir.File("bad.graphql");
        await File.WriteAllTextAsync(file, "{ policies { nodes { noSuchField } } }");

        var (exit, output) = await Cli.RunAsync("query", file, "--db", _db, "--format", "table");

        Assert.Equal(1, exit);
        Assert.Contains("noSuchField", output);
    }

    [Fact]
    public void A_table_takes_the_first_list_and_joins_nested_lists()
    {
        var data = JsonDocument.Parse("""
            { "stats": { "n": 2 }, "policies": { "nodes": [
              { "name": "A,B", "service": { "name": "s3" }, "actions": { "nodes": [ { "name": "s3:Get*" }, { "name": "s3:List*" } ] } },
              { "name": "C \"q\"", "service": null, "actions": { "nodes": [] } } ] } }
            """).RootElement;

        var table = ResultTable.FromResult(data)!;

        Assert.Equal(["name", "service.name", "actions.nodes", "service"], table.Columns);
        Assert.Equal(["A,B", "s3", "s3:Get*; s3:List*", ""], table.Rows[0]);
        Assert.Equal("name,service.name,actions.nodes,service\n\"A,B\",s3,s3:Get*; s3:List*,\n\"C \"\"q\"\"\",,,\n", table.ToCsv());
    }
}
