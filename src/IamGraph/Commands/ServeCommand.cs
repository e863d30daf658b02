using System.CommandLine;
using IamGraph.Hosting;
using Spectre.Console;

namespace IamGraph.Commands;

/// <summary><c>iamgraph serve [--db DB] [--urls URLS]</c>; also what <c>iamgraph</c> alone does.</summary>
internal static class ServeCommand
{
    public static readonly Option<string?> Db = CommonOptions.Database();

    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "Addresses to listen on, separated by ';'.",
        DefaultValueFactory = _ => ServerSettings.DefaultUrls,
    };

    public static readonly Option<bool> AllowAnonymousAccountData = new("--allow-anonymous-account-data")
    {
        Description = "Serve imported account data to callers without a token when no authentication is configured (a laptop only).",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the catalogue as GraphQL at /graphql (Banana Cake Pop in a browser). Imports the bundled sample when there is no catalogue yet.")
        {
            Db, Urls, AllowAnonymousAccountData,
        };
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>Shared with the root command, which serves too.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var database = CommonOptions.ResolveDatabase(parse.GetValue(Db));
        try
        {
            if (CatalogBootstrap.EnsureCatalog(database) is { } note)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{note}[/]");
            }
            CatalogBootstrap.EnsureCurrentSchema(database);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Data.Common.DbException or IamGraph.Import.ImportException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        var urls = parse.GetValue(Urls) ?? ServerSettings.DefaultUrls;
        await using var app = IamGraphServer.Build(new ServerSettings(database, urls, parse.GetValue(AllowAnonymousAccountData)));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message == AccountDataGuard.RefusalMessage)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"IamGraph serves {database.Describe()} at {url.TrimEnd('/')}/graphql");
        }
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
