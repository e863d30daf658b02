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

    public static readonly Option<FileInfo?> TrustedDocuments = new("--trusted-documents")
    {
        Description = "A manifest of trusted documents (Relay's persisted-queries.json or Apollo's persisted-query manifest); requests may name them by documentId, id or APQ hash.",
    };

    public static readonly Option<bool> TrustedDocumentsOnly = new("--trusted-documents-only")
    {
        Description = "Run only the trusted documents (production lock-down). Turns the IDE off unless GraphQL__EnableIde=true, which also admits ad-hoc documents for it.",
    };

    public static readonly Option<bool> AllowAnonymousAccountData = new("--allow-anonymous-account-data")
    {
        Description = "Serve imported account data to callers without a token when no authentication is configured (a laptop only).",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the catalogue as GraphQL at /graphql (Banana Cake Pop in a browser). Imports the bundled sample when there is no catalogue yet.")
        {
            Db, Urls, TrustedDocuments, TrustedDocumentsOnly, AllowAnonymousAccountData,
        };
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>Shared with the root command, which serves too.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var database = CommonOptions.ResolveDatabase(parse.GetValue(Db));
        // First: the model needs only the provider, not the catalogue, and it is the longest wait before the first answer.
        CatalogWarmUp.StartModel(database);
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
        var trusted = parse.GetValue(TrustedDocuments);
        var trustedOnly = parse.GetValue(TrustedDocumentsOnly);
        if (trustedOnly && trusted is null)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --trusted-documents-only needs --trusted-documents <file>.");
            return 2;
        }
        if (trusted is { Exists: false })
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] no trusted-documents manifest at {trusted.FullName}.");
            return 2;
        }

        WebApplication app;
        try
        {
            app = IamGraphServer.Build(new ServerSettings(database, urls, trusted?.FullName, trustedOnly, parse.GetValue(AllowAnonymousAccountData)));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the trusted-documents manifest: {e.Message}");
            return 2;
        }
        await using var _ = app;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (AccountDataWithoutAuthenticationException e)
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
