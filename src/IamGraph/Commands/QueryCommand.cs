using System.CommandLine;
using System.Text.Json;
using GraphQL;
using IamGraph.Http;
using IamGraph.Querying;
using Spectre.Console;

namespace IamGraph.Commands;

/// <summary><c>iamgraph query &lt;file|-&gt; [--variables JSON] [--format json|csv|table] [--db DB]</c>: ad hoc questions from a shell, no server.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var document = new Argument<string>("document") { Description = "A file holding the GraphQL document, or - to read it from standard input." };
        var variables = new Option<string?>("--variables") { Description = "Variables as a JSON object." };
        var format = new Option<string>("--format")
        {
            Description = "json (the whole result), or csv / table (the first list in the result, flattened).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var db = CommonOptions.Database();
        var command = new Command("query", "Run a GraphQL document against the catalogue in-process and print the result.") { document, variables, format, db };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(document)!, parse.GetValue(variables), parse.GetValue(format)!, CommonOptions.ResolveDatabase(parse.GetValue(db)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string documentPath, string? variables, string format, Catalog.CatalogConnection database, CancellationToken cancellationToken)
    {
        string query;
        try
        {
            query = documentPath == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(documentPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read {documentPath}: {e.Message}");
            return 2;
        }

        ExecutionResult result;
        await using (var runner = new LocalQueryRunner(database))
        {
            try
            {
                result = await runner.ExecuteAsync(query, variables, cancellationToken);
            }
            catch (JsonException e)
            {
                await Console.Error.WriteLineAsync($"error: --variables is not a JSON object: {e.Message}");
                return 2;
            }
        }

        var json = ClientErrorSerializer.Create(exposeExceptionDetails: false, indent: true).Serialize(result);
        if (result.Errors is { Count: > 0 } || format == "json")
        {
            Console.WriteLine(json);
            return result.Errors is { Count: > 0 } ? 1 : 0;
        }

        var data = JsonDocument.Parse(json).RootElement.GetProperty("data");
        if (ResultTable.FromResult(data) is not { } table)
        {
            await Console.Error.WriteLineAsync("error: the result holds no list to print as a table; use --format json.");
            return 1;
        }
        if (format == "csv")
        {
            Console.Write(table.ToCsv());
        }
        else
        {
            var grid = new Table().AddColumns([.. table.Columns.Select(c => new TableColumn(Markup.Escape(c)))]);
            foreach (var row in table.Rows)
            {
                grid.AddRow([.. row.Select(cell => new Markup(Markup.Escape(cell)))]);
            }
            AnsiConsole.Write(grid);
        }
        return 0;
    }
}
