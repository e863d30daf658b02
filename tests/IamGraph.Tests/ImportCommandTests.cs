using System.Text.Json;
using IamGraph.Hosting;
using IamGraph.Testing;

namespace IamGraph.Tests;

/// <summary>`iamgraph import` end to end: what the user sees, the exit code, the report, and that a failure changes nothing.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Importing_the_sample_prints_a_summary_and_writes_the_report()
    {
        using var dir = new TempDirectory();

        var (exit, output) = await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", dir.File("c.db"), "--report", dir.File("report.json"));

        Assert.True(exit == 0, output);
        Assert.Contains("Imported", output);
        var report = JsonDocument.Parse(File.ReadAllText(dir.File("report.json"))).RootElement;
        var counts = report.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("policies").GetInt32());
        Assert.Equal(0, counts.GetProperty("roles").GetInt32());
        Assert.True(counts.GetProperty("policyActions").GetInt32() > counts.GetProperty("actions").GetInt32());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("discrepancies").ValueKind);
        // The sample repeats rows in AmazonRDSCustomInstanceProfileRolePolicy, as the real page does.
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "duplicate-row");
    }

    [Fact]
    public async Task A_missing_folder_fails_with_its_name_and_leaves_the_database_byte_identical()
    {
        using var dir = new TempDirectory();
        var db = dir.File("c.db");
        Assert.Equal(0, (await Cli.RunAsync("import", CatalogBootstrap.SampleDocs, "--db", db)).ExitCode);
        var before = File.ReadAllBytes(db);

        var (exit, output) = await Cli.RunAsync("import", dir.File("no-such-docs"), "--db", db);

        Assert.Equal(2, exit);
        Assert.Contains("no-such-docs", output);
        Assert.Contains("Nothing was changed", output);
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public async Task A_policy_page_without_an_ARN_fails_naming_the_file()
    {
        using var dir = new TempDirectory();
        var docs = dir.CopyFolder(CatalogBootstrap.SampleDocs, "docs");
        var page = Directory.GetFiles(Path.Combine(docs, "policies"), "awsdenyall.md").Single();
        File.WriteAllLines(page, File.ReadAllLines(page).Where(l => !l.StartsWith("ARN:", StringComparison.Ordinal)));

        var (exit, output) = await Cli.RunAsync("import", docs, "--db", dir.File("c.db"));

        Assert.Equal(2, exit);
        Assert.Contains("awsdenyall.md", output);
        Assert.Contains("ARN", output);
        Assert.False(File.Exists(dir.File("c.db")));
    }

    [Fact]
    public async Task The_schema_command_prints_the_committed_SDL()
    {
        var (exit, output) = await Cli.RunAsync("schema");

        Assert.Equal(0, exit);
        var committed = Repository.Path("src", "IamGraph.Api", "schema.graphql");
        Assert.Equal(File.ReadAllText(committed).ReplaceLineEndings("\n").Trim(), output.ReplaceLineEndings("\n").Trim());
    }
}
